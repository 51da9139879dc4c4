using System.Globalization;
using QuickStart;

Console.WriteLine("PrepGen quick start: Keras preprocessing layers compiled to C#");
Console.WriteLine($"Each listing encodes to {Listing.EncodedWidth} floats (state learned from data/listings.csv by adapt.sh).");
Console.WriteLine();

string csv = Path.Combine(AppContext.BaseDirectory, "data", "listings.csv");
List<Listing> rows = File.ReadLines(csv).Skip(1).Take(4).Select(Parse).ToList();
rows.Add(new Listing { City = "lisbon", Rooms = 7, Zip = 1100, Description = "Tiny attic, great view!", Area = 21.5f, Price = 950 }); // unseen values -> OOV

Span<float> encoded = stackalloc float[Listing.EncodedWidth];
foreach (Listing row in rows)
{
    row.Encode(encoded);
    Console.WriteLine($"{row.City,-9} {row.Rooms} rooms  {row.Area,5} m2  {row.Price,8}  {row.Description}");
    Console.WriteLine($"  [{string.Join(' ', encoded.ToArray().Select(v => v.ToString("0.##", CultureInfo.InvariantCulture)))}]");
}

float[] batch = new float[rows.Count * Listing.EncodedWidth];
Listing.EncodeBatch(rows.ToArray(), batch);
Console.WriteLine($"EncodeBatch: {rows.Count} rows -> {batch.Length} floats, row-major");

// The guide: StringLookup(vocabulary=["a","b","c","d"]) on [["a","c","d"],["d","z","b"]] -> [[1 3 4] [4 0 2]].
Console.WriteLine();
Span<long> indices = stackalloc long[3];
foreach (string[] letters in new[] { new[] { "a", "c", "d" }, new[] { "d", "z", "b" } })
{
    Layers.Letters(letters, indices);
    Console.WriteLine($"Letters([{string.Join(", ", letters)}]) = [{string.Join(" ", indices.ToArray())}]");
}

Console.WriteLine($"Bucket(12345) = {Layers.Bucket(12345)}   CityByRooms(paris, 3) = {Layers.CityByRooms("paris", 3)}");

static Listing Parse(string line)
{
    string[] f = line.Split(',');
    return new Listing
    {
        City = f[0],
        Rooms = long.Parse(f[1], CultureInfo.InvariantCulture),
        Zip = long.Parse(f[2], CultureInfo.InvariantCulture),
        Description = f[3],
        Area = float.Parse(f[4], CultureInfo.InvariantCulture),
        Price = float.Parse(f[5], CultureInfo.InvariantCulture),
    };
}
