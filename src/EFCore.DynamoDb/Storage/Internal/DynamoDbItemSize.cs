using System.Text;
using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
/// The size DynamoDB counts for an item against its 400 KB item limit and a transaction's 4 MB limit, by its
/// documented rules: an attribute's name plus its value; a string or binary its bytes, a number about one byte per
/// two significant digits plus one, a boolean or null one byte, a list or map three bytes plus one per element and
/// its elements (a map's names included).
/// </summary>
public static class DynamoDbItemSize
{
    /// <summary>DynamoDB's largest item: 400 KB.</summary>
    public const int MaxItemBytes = 400 * 1024;

    /// <summary>DynamoDB's largest transaction: 4 MB over all its actions.</summary>
    public const int MaxTransactionBytes = 4 * 1024 * 1024;

    /// <summary>The size of an item (or a key, or a set of expression values).</summary>
    public static int Of(Dictionary<string, AttributeValue> attributes)
    {
        var size = 0;
        foreach (var (name, value) in attributes)
        {
            size += Encoding.UTF8.GetByteCount(name) + Of(value);
        }

        return size;
    }

    /// <summary>The size of one attribute value.</summary>
    public static int Of(AttributeValue value)
    {
        if (value.S is { } s)
        {
            return Encoding.UTF8.GetByteCount(s);
        }

        if (value.N is { } n)
        {
            return NumberSize(n);
        }

        if (value.B is { } b)
        {
            return (int)b.Length;
        }

        if (value.M is { } m)
        {
            return 3 + m.Count + Of(m);
        }

        if (value.L is { } l)
        {
            var size = 3 + l.Count;
            foreach (var element in l)
            {
                size += Of(element);
            }

            return size;
        }

        if (value.SS is { Count: > 0 } ss)
        {
            var size = 0;
            foreach (var element in ss)
            {
                size += Encoding.UTF8.GetByteCount(element);
            }

            return size;
        }

        if (value.NS is { Count: > 0 } ns)
        {
            var size = 0;
            foreach (var element in ns)
            {
                size += NumberSize(element);
            }

            return size;
        }

        if (value.BS is { Count: > 0 } bs)
        {
            return bs.Sum(stream => (int)stream.Length);
        }

        return 1;
    }

    private static int NumberSize(string number)
    {
        var digits = 0;
        foreach (var c in number)
        {
            if (c is 'e' or 'E')
            {
                break;
            }

            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
        }

        return ((digits + 1) / 2) + 1;
    }
}
