using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CreditSite.Web.Features.ApiDocs;

/// <summary>Schema touches for every answer type: numbers are documented as numbers, and a property marked
/// <see cref="ApiCodesAttribute"/> lists its codes. Descriptions themselves come from <c>[Description]</c> on the
/// answer records' properties.</summary>
internal static class ApiSchemaTransformer
{
    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);

        // The site's JSON options also *read* numbers written as strings (JsonSerializerDefaults.Web), which the
        // exporter documents as "integer or string" with a digits pattern; the API always writes numbers.
        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.String)
            && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        // A property left out when null (JsonIgnore WhenWritingNull) is not always there: not required.
        if (schema.Required is { Count: > 0 } required && context.JsonPropertyInfo is null)
        {
            foreach (var property in context.JsonTypeInfo.Properties)
            {
                if (property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), inherit: false)
                    .OfType<JsonIgnoreAttribute>().Any(a => a.Condition != JsonIgnoreCondition.Never) == true)
                {
                    required.Remove(property.Name);
                }
            }
        }

        var attributes = context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(ApiCodesAttribute), inherit: false) ?? [];
        if (attributes.OfType<ApiCodesAttribute>().FirstOrDefault() is { } marked && schema.Enum is not { Count: > 0 })
        {
            var codes = marked.Codes;
            schema.Enum = codes.Select(c => (JsonNode)JsonValue.Create(c.Code)).ToList();
            if (schema.Type?.HasFlag(JsonSchemaType.Null) == true)
            {
                schema.Enum.Add(null!);
            }

            schema.Description = $"{schema.Description}可选值：{ApiCode.Describe(codes)}。";
        }

        return Task.CompletedTask;
    }
}
