using System.Security.Cryptography;
using System.Text.Json;
using CreditSite.Domain;
using CreditSite.Platforms;
using Microsoft.AspNetCore.DataProtection;

namespace CreditSite.Web.Features.PlatformApi;

/// <summary>The opaque <c>cursor</c> of <c>GET /api/v1/records</c>: a <see cref="RecordChangePosition"/>, encrypted and
/// authenticated with the site's data-protection keys (shared by every node), so a platform can neither read nor
/// change it, and a changed one is refused instead of silently skipping or repeating records.</summary>
public sealed class RecordChangeCursor(IDataProtectionProvider protection)
{
    /// <summary>Far more than a cursor ever is (about 250 characters); anything longer is not one.</summary>
    public const int MaxLength = 2000;

    private readonly IDataProtector _protector = protection.CreateProtector("CreditSite.PlatformApi.RecordChangeCursor.v1");

    public string Write(RecordChangePosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        var state = new State(position.Kind.Code(), position.Time.UtcTicks, position.Seq, position.RecordId, position.Watermark, position.DatesUpTo?.UtcTicks);
        return _protector.Protect(JsonSerializer.Serialize(state));
    }

    /// <summary>The position, or null when the cursor was not written by this site (changed, cut short, made up).</summary>
    public RecordChangePosition? Read(string cursor)
    {
        if (string.IsNullOrEmpty(cursor) || cursor.Length > MaxLength)
        {
            return null;
        }

        try
        {
            var state = JsonSerializer.Deserialize<State>(_protector.Unprotect(cursor));
            if (state is null || !RecordText.TryParseRecordKind(state.K, out var kind) || !IsTicks(state.T) || (state.D is { } d && !IsTicks(d)))
            {
                return null;
            }

            return new RecordChangePosition(kind, new DateTimeOffset(state.T, TimeSpan.Zero), state.S, state.I, state.W,
                state.D is { } dates ? new DateTimeOffset(dates, TimeSpan.Zero) : null);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }

    private static bool IsTicks(long ticks) => ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks;

    private sealed record State(string K, long T, long S, string? I, long? W, long? D);
}
