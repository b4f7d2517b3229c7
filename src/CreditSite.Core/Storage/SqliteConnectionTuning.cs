using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CreditSite.Storage;

/// <summary>Per-connection SQLite settings. <c>synchronous=NORMAL</c> is safe with WAL (a crash loses at most the last
/// commits, never consistency) and makes a large import several times faster.</summary>
internal sealed class SqliteConnectionTuning : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
