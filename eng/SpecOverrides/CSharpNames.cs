using System.Globalization;

namespace EFCore.DynamoDb.SpecOverrides;

/// <summary>C# source text for reflected types and for xunit's displayed argument values.</summary>
internal static class CSharpNames
{
    private static readonly Dictionary<string, string> Keywords = new()
    {
        ["System.Void"] = "void", ["System.Boolean"] = "bool", ["System.Byte"] = "byte", ["System.SByte"] = "sbyte",
        ["System.Int16"] = "short", ["System.UInt16"] = "ushort", ["System.Int32"] = "int", ["System.UInt32"] = "uint",
        ["System.Int64"] = "long", ["System.UInt64"] = "ulong", ["System.Single"] = "float", ["System.Double"] = "double",
        ["System.Decimal"] = "decimal", ["System.Char"] = "char", ["System.String"] = "string", ["System.Object"] = "object",
    };

    private static readonly HashSet<string> ReservedWords =
    [
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock", "long",
        "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected", "public",
        "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string", "struct", "switch",
        "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void",
        "volatile", "while",
    ];

    /// <summary>A parameter name as a C# identifier (reserved words escaped with @).</summary>
    public static string Identifier(string name) => ReservedWords.Contains(name) ? "@" + name : name;

    /// <summary>The type as C# names it from anywhere: keywords, or global::-qualified names with generic arguments.</summary>
    public static string Of(Type type)
    {
        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        if (type.IsArray)
        {
            return Of(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1")
        {
            return Of(type.GetGenericArguments()[0]) + "?";
        }

        if (type.FullName is { } fullName && Keywords.TryGetValue(fullName, out var keyword))
        {
            return keyword;
        }

        return Qualified(type, type.IsGenericType ? type.GetGenericArguments() : []);
    }

    // A nested type of a generic type carries its outer type's arguments first.
    private static string Qualified(Type type, Type[] arguments)
    {
        string prefix;
        if (type.DeclaringType is { } outer)
        {
            var outerCount = outer.GetGenericArguments().Length;
            prefix = Qualified(outer, arguments[..outerCount]) + ".";
            arguments = arguments[outerCount..];
        }
        else
        {
            prefix = "global::" + (type.Namespace is { } ns ? ns + "." : "");
        }

        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        name = tick < 0 ? name : name[..tick];
        return arguments.Length == 0 ? prefix + name : $"{prefix}{name}<{string.Join(", ", arguments.Select(Of))}>";
    }

    /// <summary>The exception type of a .trx message ("System.Foo+Bar") as C# names it.</summary>
    public static string OfExceptionName(string name) => "global::" + name.Replace('+', '.');

    /// <summary>A C# string literal.</summary>
    public static string Literal(string text)
        => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\r", "\\r").Replace("\t", "\\t") + "\"";

    /// <summary>
    /// The C# literal of a value xunit displayed for a parameter of <paramref name="type" />, or null when it cannot
    /// be written back as a literal (then the overrides cannot tell this case from the others).
    /// </summary>
    public static string? ValueLiteral(Type type, string display)
    {
        if (display == "null")
        {
            return type.IsValueType && Nullable.GetUnderlyingType(type) is null ? null : "null";
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            var member = display[(display.LastIndexOf('.') + 1)..];
            return Enum.GetNames(type).Contains(member) ? Of(type) + "." + member : null;
        }

        return type.FullName switch
        {
            "System.Boolean" => display switch { "True" => "true", "False" => "false", _ => null },
            "System.Int32" or "System.Int16" or "System.Byte" or "System.SByte" or "System.UInt16"
                => long.TryParse(display, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? display : null,
            "System.Int64" => long.TryParse(display, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? display + "L" : null,
            "System.UInt32" or "System.UInt64" => ulong.TryParse(display, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? display + "UL" : null,
            "System.Double" => double.TryParse(display, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? display + "d" : null,
            "System.Single" => double.TryParse(display, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? display + "f" : null,
            "System.Decimal" => decimal.TryParse(display, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? display + "m" : null,
            "System.String" when display.Length >= 2 && display[0] == '"' && display[^1] == '"' && !display.EndsWith("\"···", StringComparison.Ordinal)
                => display,
            _ => null,
        };
    }
}
