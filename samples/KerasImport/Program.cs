using System.Globalization;
using KerasImport;

// Pets is the record the build imported from models/pets.keras (the Keras "structured data classification"
// tutorial model): one property per model input, Encode gives the tensor its first Dense layer receives.
Console.WriteLine($"models/pets.keras: one row encodes to {Pets.EncodedWidth} floats (the input of its Dense layer).");

Pets[] rows =
[
    new()
    {
        Type = "Cat", Age = 3, Breed1 = "Tabby", Gender = "Male", Color1 = "Black", Color2 = "White",
        MaturitySize = "Small", FurLength = "Short", Vaccinated = "No", Sterilized = "No", Health = "Healthy",
        Fee = 100, PhotoAmt = 1,
    },
    new()
    {
        Type = "Dog", Age = 1, Breed1 = "Mixed Breed", Gender = "Female", Color1 = "Brown", Color2 = "No Color",
        MaturitySize = "Medium", FurLength = "Medium", Vaccinated = "Yes", Sterilized = "Not Sure", Health = "Minor Injury",
        Fee = 0, PhotoAmt = 5,
    },
];

Span<float> encoded = stackalloc float[Pets.EncodedWidth];
foreach (Pets pet in rows)
{
    pet.Encode(encoded);
    Console.WriteLine($"{pet.Type}, {pet.Age} months, {pet.Breed1}, fee {pet.Fee}, {pet.PhotoAmt} photos:");
    Console.WriteLine($"  [{string.Join(' ', encoded.ToArray().Select(v => v.ToString("0.####", CultureInfo.InvariantCulture)))}]");
}

float[] batch = new float[rows.Length * Pets.EncodedWidth];
Pets.EncodeBatch(rows, batch);
Console.WriteLine($"EncodeBatch: {rows.Length} rows -> {batch.Length} floats, row-major");
