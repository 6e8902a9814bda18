using System.Globalization;
using System.Text;

namespace Gateway.Drivers.Redis.Resp;

/// <summary>
/// One command and its arguments, as binary-safe strings. <see cref="Name"/> is what error messages
/// show; arguments are never shown, because some of them are passwords.
/// </summary>
internal sealed class RedisCommand
{
    private readonly List<ReadOnlyMemory<byte>> _parts = [];

    /// <param name="name">The command, such as <c>XADD</c>; sent as the first part.</param>
    /// <param name="subcommand">A subcommand that belongs to the name in messages, such as <c>CREATE</c> of <c>XGROUP</c>.</param>
    public RedisCommand(string name, string? subcommand = null)
    {
        Name = subcommand is null ? name : $"{name} {subcommand}";
        Add(name);
        if (subcommand is not null)
        {
            Add(subcommand);
        }
    }

    public string Name { get; }

    /// <summary>The command name followed by its arguments, in the order they are sent.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Parts => _parts;

    public RedisCommand Add(string argument)
    {
        _parts.Add(Encoding.UTF8.GetBytes(argument));
        return this;
    }

    public RedisCommand Add(long argument) => Add(argument.ToString(CultureInfo.InvariantCulture));

    public RedisCommand Add(ReadOnlyMemory<byte> argument)
    {
        _parts.Add(argument);
        return this;
    }

    public RedisCommand AddRange(IEnumerable<string> arguments)
    {
        foreach (var argument in arguments)
        {
            Add(argument);
        }

        return this;
    }

    public override string ToString() => Name;
}
