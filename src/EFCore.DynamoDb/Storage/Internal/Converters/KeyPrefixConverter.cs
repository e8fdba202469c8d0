using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EFCore.DynamoDb.Storage.Internal.Converters;

/// <summary>
/// Writes a key template's constant prefix in front of the stored text (<c>CUSTOMER#42</c>) and strips it on
/// read, so the entity sees <c>42</c>. Text written without the prefix (by other tools) reads unchanged.
/// </summary>
public class KeyPrefixConverter(string prefix)
    : ValueConverter<string, string>(v => prefix + v, v => Strip(v, prefix))
{
    /// <summary>The text without the prefix.</summary>
    public static string Strip(string value, string prefix)
        => value.StartsWith(prefix, StringComparison.Ordinal) ? value[prefix.Length..] : value;
}
