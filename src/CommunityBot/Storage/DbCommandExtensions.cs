using System.Data.Common;
using System.Globalization;

namespace CommunityBot.Storage;

/// <summary>Small helpers that keep repository code to its SQL.</summary>
public static class DbCommandExtensions
{
    public static DbCommand Command(this DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public static async Task<int> ExecuteAsync(this DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    public static string Timestamp(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>A time as a parameter: a timestamp where the column is one (PostgreSQL's outbox), ISO-8601 text elsewhere.</summary>
    public static object Timestamp(DateTimeOffset value, bool asTimestamp) => asTimestamp ? value.ToUniversalTime() : Timestamp(value);

    public static DateTimeOffset ReadTimestamp(this DbDataReader reader, int ordinal) =>
        reader.GetFieldType(ordinal) == typeof(string)
            ? DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            : reader.GetFieldValue<DateTimeOffset>(ordinal);

    /// <summary>A time read as a single value: text, or a timestamp column's UTC DateTime; null for none.</summary>
    public static DateTimeOffset? AsTimestamp(object? value) => value switch
    {
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        DateTime utc => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
        DateTimeOffset instant => instant,
        _ => null,
    };

    public static string? ReadNullableString(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
