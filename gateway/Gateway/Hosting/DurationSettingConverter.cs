using System.ComponentModel;
using System.Globalization;
using Gateway.Drivers;

namespace Gateway.Hosting;

/// <summary>
/// Lets every duration setting and flag (<c>TimeSpan</c> in the settings) be written as in the YAML, Go-style
/// (<c>5s</c>, <c>500ms</c>, <c>1m30s</c>), as well as .NET's <c>00:00:05</c>. Installed once for the process
/// (<see cref="Install"/>), before any configuration is bound.
/// </summary>
internal sealed class DurationSettingConverter : TimeSpanConverter
{
    private static int _installed;

    public static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 0)
        {
            TypeDescriptor.AddAttributes(typeof(TimeSpan), new TypeConverterAttribute(typeof(DurationSettingConverter)));
        }
    }

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value)
    {
        if (value is not string text)
        {
            return base.ConvertFrom(context, culture, value);
        }

        var trimmed = text.Trim();
        if (GoDuration.TryParse(trimmed, out var duration) || TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out duration))
        {
            return duration;
        }

        throw new FormatException($"'{text}' is not a duration; write it as in the YAML, such as '5s', '500ms' or '1m30s'");
    }
}
