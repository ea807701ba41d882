using System.Text;

namespace SkillHost.Installer.Files;

/// <summary>
/// A config file's bytes as text and back, losslessly: a UTF-8 byte order mark is remembered and written back; any
/// other encoding (UTF-16, invalid UTF-8) is refused rather than rewritten with replacement characters.
/// </summary>
internal sealed record ConfigText(string Text, bool HasBom)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ConfigText Decode(byte[] bytes, string path)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            throw new InstallerException($"'{path}' is UTF-16 encoded; save it as UTF-8 and run again. Nothing was written.");
        }

        var hasBom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        try
        {
            return new ConfigText(StrictUtf8.GetString(bytes, hasBom ? 3 : 0, bytes.Length - (hasBom ? 3 : 0)), hasBom);
        }
        catch (DecoderFallbackException)
        {
            throw new InstallerException($"'{path}' is not valid UTF-8; fix or move the file aside and run again. Nothing was written.");
        }
    }

    public byte[] Encode()
    {
        var body = StrictUtf8.GetBytes(Text);
        return HasBom ? [0xEF, 0xBB, 0xBF, .. body] : body;
    }
}
