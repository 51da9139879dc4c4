using QuickStart;

Console.WriteLine("PrepGen quick start: Keras preprocessing layers compiled to C#");
Console.WriteLine();

string[] cities = ["paris", "tokyo", "berlin", "new york"];
Span<float> oneHot = stackalloc float[5];
foreach (string city in cities)
{
    Encoders.CityOneHot(city, oneHot);
    Console.WriteLine($"City({city,-9}) = {Encoders.City(city)}   one-hot [{string.Join(", ", oneHot.ToArray())}]");
}

Console.WriteLine();
foreach (long rooms in new long[] { 0, 10, 30, 7, 8 })
{
    Console.WriteLine($"Rooms({rooms,2}) = {Encoders.Rooms(rooms)}");
}

// The guide: StringLookup(vocabulary=["a","b","c","d"]) on [["a","c","d"],["d","z","b"]] -> [[1 3 4] [4 0 2]]
Console.WriteLine();
Span<long> indices = stackalloc long[3];
foreach (string[] row in new[] { new[] { "a", "c", "d" }, new[] { "d", "z", "b" } })
{
    Encoders.Letters(row, indices);
    Console.WriteLine($"Letters([{string.Join(", ", row)}]) = [{string.Join(" ", indices.ToArray())}]");
}

Console.WriteLine();
Console.WriteLine($"Bucket(12345)             = {Encoders.Bucket(12345)}");
Span<float> tags = stackalloc float[8];
Encoders.Tags(["pool", "garden", "pool"], tags);
Console.WriteLine($"Tags([pool, garden, pool]) = [{string.Join(", ", tags.ToArray())}]");
Console.WriteLine($"CityByRooms(paris, 3)     = {Encoders.CityByRooms("paris", 3)}");
Span<float> amenities = stackalloc float[6];
Encoders.Amenities([1, 2, 3, 1], amenities);
Console.WriteLine($"Amenities([1, 2, 3, 1])   = [{string.Join(", ", amenities.ToArray())}]");
