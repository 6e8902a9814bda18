namespace Gateway.Drivers.Redis.Resp;

/// <summary>The RESP2 and RESP3 reply types, named by what they carry rather than by their type byte.</summary>
internal enum RespKind
{
    /// <summary><c>+OK</c>: a short text without CR or LF.</summary>
    SimpleString,

    /// <summary><c>-ERR ...</c> or the RESP3 blob error <c>!</c>: the server refused the command.</summary>
    Error,

    /// <summary><c>:42</c>: a signed 64-bit integer.</summary>
    Integer,

    /// <summary><c>$5\r\nhello</c>: binary-safe bytes.</summary>
    BulkString,

    /// <summary><c>*2 ...</c>: an ordered list of replies.</summary>
    Array,

    /// <summary><c>_</c> (RESP3), <c>$-1</c> or <c>*-1</c> (RESP2): no value.</summary>
    Null,

    /// <summary><c>%2 ...</c> (RESP3): key/value pairs, kept in order as alternating items.</summary>
    Map,

    /// <summary><c>~2 ...</c> (RESP3): an unordered collection, kept in the order received.</summary>
    Set,

    /// <summary><c>,3.14</c> (RESP3), including <c>inf</c>, <c>-inf</c> and <c>nan</c>.</summary>
    Double,

    /// <summary><c>#t</c> or <c>#f</c> (RESP3).</summary>
    Boolean,

    /// <summary><c>(3492890328409238509324850943850943825024385</c> (RESP3): kept as its decimal text.</summary>
    BigNumber,

    /// <summary><c>=15\r\ntxt:Some string</c> (RESP3): text with a three-letter format, which is kept apart.</summary>
    Verbatim,

    /// <summary><c>&gt;2 ...</c> (RESP3): an out-of-band message that answers no command.</summary>
    Push,
}
