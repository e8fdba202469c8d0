using System.Xml.Linq;

namespace EFCore.DynamoDb.SpecOverrides;

/// <summary>One test case of a .trx file: its class, method, the arguments xunit displayed and how it ended.</summary>
internal sealed record TestResult(string ClassName, string MethodName, string Arguments, bool Passed, string Message)
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>The display arguments by parameter name ("async: True, x: 3" → async = True, x = 3).</summary>
    public IReadOnlyDictionary<string, string> ArgumentsByName { get; } = ParseArguments(Arguments);

    /// <summary>Reads every executed test of the file whose class name starts with <paramref name="classPrefix" />.</summary>
    public static List<TestResult> Read(string trxPath, string classPrefix)
    {
        var document = XDocument.Load(trxPath);
        var methods = document.Descendants(Ns + "UnitTest").ToDictionary(
            t => (string)t.Attribute("id")!,
            t => t.Element(Ns + "TestMethod")!);

        var results = new List<TestResult>();
        foreach (var result in document.Descendants(Ns + "UnitTestResult"))
        {
            var outcome = (string?)result.Attribute("outcome");
            if (outcome is not ("Passed" or "Failed"))
            {
                continue;
            }

            var method = methods[(string)result.Attribute("testId")!];
            var className = (string)method.Attribute("className")!;
            if (!className.StartsWith(classPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var methodName = (string)method.Attribute("name")!;
            var testName = (string)result.Attribute("testName")!;
            var open = testName.IndexOf('(', StringComparison.Ordinal);
            var arguments = open < 0 ? "" : testName[(open + 1)..^1];
            var message = (string?)result.Descendants(Ns + "Message").FirstOrDefault() ?? "";
            results.Add(new TestResult(className, methodName, arguments, outcome == "Passed", message.Replace("\r\n", "\n")));
        }

        return results;
    }

    // xunit writes "name: value" pairs separated by ", "; a string value is quoted and may itself hold ", ".
    private static Dictionary<string, string> ParseArguments(string arguments)
    {
        var byName = new Dictionary<string, string>();
        var i = 0;
        while (i < arguments.Length)
        {
            var colon = arguments.IndexOf(": ", i, StringComparison.Ordinal);
            if (colon < 0)
            {
                break;
            }

            var name = arguments[i..colon].Trim();
            var start = colon + 2;
            var end = start;
            if (end < arguments.Length && arguments[end] == '"')
            {
                end++;
                while (end < arguments.Length && !(arguments[end] == '"' && arguments[end - 1] != '\\'))
                {
                    end++;
                }

                end = Math.Min(end + 1, arguments.Length);
            }

            var next = arguments.IndexOf(", ", end, StringComparison.Ordinal);
            var stop = next < 0 ? arguments.Length : next;
            byName[name] = arguments[start..stop];
            i = next < 0 ? arguments.Length : next + 2;
        }

        return byName;
    }
}
