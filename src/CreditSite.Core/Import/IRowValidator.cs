namespace CreditSite.Import;

/// <summary>Checks one row of one kind of import file and turns it into what the store holds.</summary>
internal interface IRowValidator<out T>
    where T : class
{
    ImportColumns Columns { get; }

    /// <summary>The row's key as the store compares it (for duplicates within a file).</summary>
    string KeyOf(ImportRow row);

    /// <summary>Null when the row has problems (all of them added to <paramref name="report"/>).</summary>
    T? Validate(ImportRow row, ImportReport report);
}
