using PrepGen.Adapt;

namespace PrepGen.Runtime.Tests.Adapt;

/// <summary>
/// The adapters' transcoding buffers: three bytes per char while that fits, the exact UTF-8 size past it, an error
/// naming the limit past that. The limit is Array.MaxLength in the adapters (a 715M-char string); small limits here.
/// </summary>
public sealed class Utf8CapacityTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("abc", 9)] // 3 x 3 fits in 10: the upper bound
    [InlineData("abcd", 4)] // 12 > 10: the exact count
    [InlineData("ééééé", 10)] // 15 > 10: exactly 10 bytes, which fit
    [InlineData("東京", 6)]
    public void Sizes_fit_the_limit(string text, int expected) => Assert.Equal(expected, Utf8Capacity.For(text, "document", 10));

    [Fact]
    public void A_text_whose_utf8_does_not_fit_is_refused_with_its_size()
    {
        var error = Assert.Throws<ArgumentException>(() => Utf8Capacity.For("abcdefghijk", "document", 10));
        Assert.Equal("The document's UTF-8 form is 11 bytes, more than one buffer holds (10); split it into smaller ones.", error.Message);
        Assert.Throws<ArgumentException>(() => Utf8Capacity.For("éééééé", "token", 10)); // 12 bytes
    }

    [Fact]
    public void The_adapters_take_the_largest_array_as_the_limit()
    {
        Assert.Equal(3 * 1000, Utf8Capacity.For(new string('x', 1000), "document"));
        var text = new TextVectorizationAdapter();
        text.Update(new string('x', 100) + " y");
        Assert.Equal(["", "[UNK]", "y", new string('x', 100)], text.GetVocabulary()); // equal counts: bytes descending, as Keras
    }
}
