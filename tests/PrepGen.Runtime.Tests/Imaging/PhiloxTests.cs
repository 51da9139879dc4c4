using PrepGen.Imaging;

namespace PrepGen.Runtime.Tests.Imaging;

public class PhiloxTests
{
    // Random123 tests/kat_vectors, the three "philox4x32 10" lines: counter[4] key[2] -> result[4].
    [Theory]
    [InlineData(0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u)]
    [InlineData(0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0x408f276du, 0x41c83b0eu, 0xa20bc7c6u, 0x6d5451fdu)]
    [InlineData(0x243f6a88u, 0x85a308d3u, 0x13198a2eu, 0x03707344u, 0xa4093822u, 0x299f31d0u, 0xd16cfe09u, 0x94fdccebu, 0x5001e420u, 0x24126ea1u)]
    public void Known_answers(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1, uint r0, uint r1, uint r2, uint r3)
        => Assert.Equal((r0, r1, r2, r3), Philox.Block(c0, c1, c2, c3, k0, k1));

    [Fact]
    public void Unit_floats_stay_in_zero_one()
    {
        Assert.Equal(0f, Philox.ToUnitFloat(0));
        Assert.True(Philox.ToUnitFloat(uint.MaxValue) < 1f);
    }

    [Fact]
    public void Draws_depend_on_seed_image_and_layer()
    {
        var a = Philox.Draws(1, 0, 0);
        Assert.NotEqual(a, Philox.Draws(2, 0, 0));
        Assert.NotEqual(a, Philox.Draws(1, 1, 0));
        Assert.NotEqual(a, Philox.Draws(1, 0, 1));
        Assert.Equal(a, Philox.Draws(1, 0, 0));
    }
}
