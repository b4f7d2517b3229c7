using System.Reflection;
using Microsoft.OpenApi;

namespace CreditSite.Web.Features.ApiDocs;

/// <summary>The documentation of one API operation, written beside its endpoint (a <c>…ApiDocs.cs</c> file in the
/// feature's folder) and attached with <see cref="ApiDocExtensions.WithApiDoc"/>. <see cref="ApiOperationTransformer"/>
/// turns it into the OpenAPI operation that <c>/openapi/v1.json</c> and the <c>/api</c> page show. User-facing text
/// (descriptions, examples) is Chinese. See docs/platforms.md, "Documenting an endpoint".</summary>
public sealed class ApiOperationDoc
{
    /// <summary>Every parameter of the operation: query, path and header parameters alike.</summary>
    public IReadOnlyList<ApiParameterDoc> Parameters { get; init; } = [];

    /// <summary>The query parameters (besides required ones) the example request sets, with their examples; the
    /// example request is published as a curl command (<c>x-codeSamples</c>) and should match
    /// <see cref="ResponseExample"/>.</summary>
    public IReadOnlyList<string> ExampleParameters { get; init; } = [];

    /// <summary>The JSON request body, for operations that take one.</summary>
    public ApiBodyDoc? RequestBody { get; init; }

    /// <summary>What a successful (200) answer holds, in one Chinese sentence.</summary>
    public required string ResponseDescription { get; init; }

    /// <summary>A typical 200 body: an instance of the answer type, serialized like the real answer, so the example
    /// cannot name a field the answer does not have.</summary>
    public required object ResponseExample { get; init; }

    /// <summary>The problems this operation answers itself (400, 404, …). 401, 429 and 503 are answered in front of
    /// every API route and are added by <see cref="ApiOperationTransformer"/>; list one here only to say more.</summary>
    public IReadOnlyList<ApiProblemDoc> Problems { get; init; } = [];
}

/// <summary>A JSON request body: its type (the schema comes from it), what it holds, and an instance as example.</summary>
public sealed record ApiBodyDoc(Type Type, string Description, object Example);

/// <summary>A problem answer: when it happens, and a <c>detail</c> the API really writes for it.</summary>
public sealed record ApiProblemDoc(int Status, string When, string ExampleDetail);

/// <summary>One parameter. Use the factories (<see cref="Text"/>, <see cref="WholeNumber"/>, <see cref="Date"/>,
/// <see cref="OneOf"/>, <see cref="ListOf"/>, <see cref="Path"/>) so the type and its limits come together.</summary>
public sealed record ApiParameterDoc(string Name, string Description, string Example)
{
    public ParameterLocation In { get; init; } = ParameterLocation.Query;

    public bool Required { get; init; }

    /// <summary><see cref="JsonSchemaType.String"/> or <see cref="JsonSchemaType.Integer"/>.</summary>
    public JsonSchemaType Type { get; init; } = JsonSchemaType.String;

    /// <summary>e.g. <c>date</c> (<c>yyyy-MM-dd</c>).</summary>
    public string? Format { get; init; }

    /// <summary>The codes the parameter accepts, from the same list the handler parses with.</summary>
    public IReadOnlyList<ApiCode>? Codes { get; init; }

    /// <summary>Several codes separated by commas (<c>style: form, explode: false</c>).</summary>
    public bool CommaSeparated { get; init; }

    public int? MaxLength { get; init; }

    public int? Minimum { get; init; }

    public int? Maximum { get; init; }

    public string? Default { get; init; }

    public string? Pattern { get; init; }

    public static ApiParameterDoc Text(string name, string description, string example, int maxLength) =>
        new(name, description, example) { MaxLength = maxLength };

    public static ApiParameterDoc WholeNumber(string name, string description, int example, int minimum, int maximum, int? defaultValue = null) =>
        new(name, description, example.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            Type = JsonSchemaType.Integer,
            Minimum = minimum,
            Maximum = maximum,
            Default = defaultValue?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

    public static ApiParameterDoc Date(string name, string description, string example) =>
        new(name, description, example) { Format = "date" };

    public static ApiParameterDoc OneOf(string name, string description, IReadOnlyList<ApiCode> codes, string? defaultValue = null) =>
        new(name, description, codes[0].Code) { Codes = codes, Default = defaultValue };

    public static ApiParameterDoc ListOf(string name, string description, IReadOnlyList<ApiCode> codes) =>
        new(name, description, codes[0].Code) { Codes = codes, CommaSeparated = true };

    public static ApiParameterDoc Path(string name, string description, string example) =>
        new(name, description, example) { In = ParameterLocation.Path, Required = true };
}

/// <summary>A code a parameter accepts or a field holds, and what it means, in Chinese.</summary>
public sealed record ApiCode(string Code, string Meaning)
{
    /// <summary>The codes of every value of an enum, from the wire code and label functions the site itself uses, so
    /// the document lists exactly what the API accepts.</summary>
    public static IReadOnlyList<ApiCode> Of<TEnum>(Func<TEnum, string> code, Func<TEnum, string> meaning)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(meaning);
        return Enum.GetValues<TEnum>().Select(v => new ApiCode(code(v), meaning(v))).ToList();
    }

    /// <summary>"red（红名单）、black（黑名单）".</summary>
    public static string Describe(IEnumerable<ApiCode> codes) => string.Join("、", codes.Select(c => $"{c.Code}（{c.Meaning}）"));
}

/// <summary>On a property of an answer record: its value is one of the codes in the public static field or property
/// <paramref name="memberName"/> of <paramref name="declaringType"/> (an <c>IReadOnlyList&lt;ApiCode&gt;</c>). The
/// schema then lists them as <c>enum</c> and their meanings in the description.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ApiCodesAttribute(Type declaringType, string memberName) : Attribute
{
    public Type DeclaringType { get; } = declaringType;

    public string MemberName { get; } = memberName;

    public IReadOnlyList<ApiCode> Codes
    {
        get
        {
            const BindingFlags Flags = BindingFlags.Public | BindingFlags.Static;
            var value = DeclaringType.GetField(MemberName, Flags)?.GetValue(null) ?? DeclaringType.GetProperty(MemberName, Flags)?.GetValue(null);
            return value as IReadOnlyList<ApiCode>
                ?? throw new InvalidOperationException($"{DeclaringType.Name}.{MemberName} is not a public static list of ApiCode.");
        }
    }
}

public static class ApiDocExtensions
{
    /// <summary>Attaches the documentation of the endpoint, read by <see cref="ApiOperationTransformer"/>.</summary>
    public static TBuilder WithApiDoc<TBuilder>(this TBuilder builder, ApiOperationDoc doc)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(doc);
        return builder.WithMetadata(doc);
    }
}
