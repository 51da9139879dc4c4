namespace LowLatencyService;

/// <summary>
/// What the encoder needs of a row beyond what JSON binding checks: JSON <c>null</c> binds to the string and
/// array properties, and the encoder refuses nulls and amenity ids outside <c>0..NumTokens-1</c>.
/// </summary>
public static class ListingRowValidation
{
    /// <summary>The CategoryEncoding depth of <see cref="ListingRow.Amenities"/>.</summary>
    public const int AmenityCount = 16;

    /// <summary>The problems of a row, keyed by JSON property name; null when there are none.</summary>
    public static Dictionary<string, string[]>? Problems(ListingRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        Dictionary<string, string[]>? errors = null;
        void Add(string field, string message) => (errors ??= new(StringComparer.Ordinal))[field] = [message];

        // The properties are declared non-nullable, but JSON null binds to them.
        if (row.City is null)
        {
            Add("city", "must be a string, not null.");
        }

        if (row.PropertyType is null)
        {
            Add("propertyType", "must be a string, not null.");
        }

        if (row.HostId is null)
        {
            Add("hostId", "must be a string, not null.");
        }

        if (row.Title is null)
        {
            Add("title", "must be a string, not null.");
        }

        if (row.Tags is null)
        {
            Add("tags", "must be an array of strings, not null.");
        }
        else if (Array.IndexOf(row.Tags, null) is int tag and >= 0)
        {
            Add("tags", $"element {tag} is null; every tag must be a string.");
        }

        if (row.Amenities is null)
        {
            Add("amenities", "must be an array of integers, not null.");
        }
        else
        {
            for (int i = 0; i < row.Amenities.Length; i++)
            {
                if ((ulong)row.Amenities[i] >= AmenityCount)
                {
                    Add("amenities", $"element {i} is {row.Amenities[i]}; amenity ids are 0..{AmenityCount - 1}.");
                    break;
                }
            }
        }

        return errors;
    }
}
