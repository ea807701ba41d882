using System.Text;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace SkillHost.Server.Resources;

/// <summary>One fixed <c>skill://</c> resource whose content was produced when the skill was read: a file, a section view or a JSON view.</summary>
internal sealed class SkillResource : McpServerResource
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Resource _resource;
    private readonly ResourceTemplate _template;
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly string? _text;

    /// <param name="bytes">Served as text when they are valid UTF-8 without NUL (so the text re-encodes to exactly these bytes), else as a base64 blob.</param>
    public SkillResource(string uri, string name, string title, string description, string mimeType, ReadOnlyMemory<byte> bytes)
    {
        _bytes = bytes;
        _text = AsText(bytes.Span);
        _resource = new Resource { Uri = uri, Name = name, Title = title, Description = description, MimeType = mimeType, Size = bytes.Length };
        _template = new ResourceTemplate { UriTemplate = uri, Name = name, Title = title, Description = description, MimeType = mimeType };
    }

    public string Uri => _resource.Uri;

    public override Resource ProtocolResource => _resource;

    public override ResourceTemplate ProtocolResourceTemplate => _template;

    public override IReadOnlyList<object> Metadata => [];

    public override bool IsMatch(string uri) => string.Equals(uri, _resource.Uri, StringComparison.Ordinal);

    public override ValueTask<ReadResourceResult> ReadAsync(RequestContext<ReadResourceRequestParams> request, CancellationToken cancellationToken = default)
    {
        ResourceContents contents = _text is not null
            ? new TextResourceContents { Uri = _resource.Uri, MimeType = _resource.MimeType, Text = _text }
            : BlobResourceContents.FromBytes(_bytes, _resource.Uri, _resource.MimeType);
        return ValueTask.FromResult(new ReadResourceResult { Contents = [contents] });
    }

    private static string? AsText(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Contains((byte)0))
        {
            return null;
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
