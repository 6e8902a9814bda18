using System.Text;

namespace Gateway.Publishing;

/// <summary>Go's <c>url.QueryUnescape</c>: <c>+</c> is a space, <c>%XX</c> a byte, the bytes are UTF-8.</summary>
internal static class QueryEscaping
{
    public static bool TryUnescape(string value, out string result)
    {
        if (value.AsSpan().IndexOfAny('%', '+') < 0)
        {
            result = value;
            return true;
        }

        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '+')
            {
                bytes.Add((byte)' ');
            }
            else if (c == '%')
            {
                if (i + 2 >= value.Length || !IsHex(value[i + 1]) || !IsHex(value[i + 2]))
                {
                    result = "";
                    return false;
                }

                bytes.Add(Convert.ToByte(value.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }

        result = Encoding.UTF8.GetString(bytes.ToArray());
        return true;
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}
