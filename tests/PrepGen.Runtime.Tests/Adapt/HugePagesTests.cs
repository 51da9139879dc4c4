using System.Runtime.CompilerServices;
using PrepGen.Adapt;

namespace PrepGen.Runtime.Tests.Adapt;

/// <summary>The counters' large-table storage: zeroed, the table inside the array, and on Linux (256 KiB and up) starting at a 2 MiB boundary.</summary>
public sealed class HugePagesTests
{
    [Theory]
    [InlineData(1024)] // 32 KiB: a plain array
    [InlineData(8191)] // just under 256 KiB: a plain array
    [InlineData(1 << 13)] // 256 KiB: the smallest placed on a huge page
    [InlineData(40_000)] // 1.2 MiB: one huge page
    [InlineData(1 << 16)] // 2 MiB
    [InlineData(1 << 18)]
    public unsafe void Tables_are_zeroed_inside_the_array_and_aligned(int length)
    {
        for (int round = 0; round < 3; round++)
        {
            Block[] array = HugePages.Allocate<Block>(length, out int start);
            Assert.InRange(start, 0, array.Length - length);
            Assert.True(array.AsSpan(start, length).IndexOfAnyExcept(default(Block)) < 0);
            if (OperatingSystem.IsLinux() && (long)length * sizeof(Block) >= 256 << 10)
            {
                // The first element sits on the boundary, or just past it (array data is 8-aligned, elements 32 bytes).
                nint address = (nint)Unsafe.AsPointer(ref array[start]);
                Assert.InRange(address % (2 << 20), 0, sizeof(Block) - 1);
            }
            else
            {
                Assert.Equal(0, start);
                Assert.Equal(length, array.Length);
            }

            // Dirty the whole array and let it go: the pinned heap hands reused memory to the next round, which must
            // still come back zeroed (the pages are dropped, or cleared, not taken as they are).
            array.AsSpan().Fill(new Block(ulong.MaxValue, 1, 2, 3));
            array = null!;
            GC.Collect();
        }
    }

    [Fact]
    public unsafe void Elements_that_do_not_divide_two_mebibytes_start_just_past_the_boundary()
    {
        // The vocabulary's ranking: 24-byte entries.
        Triple[] array = HugePages.Allocate<Triple>(1 << 17, out int start);
        Assert.InRange(start, 0, array.Length - (1 << 17));
        if (OperatingSystem.IsLinux())
        {
            nint address = (nint)Unsafe.AsPointer(ref array[start]);
            Assert.InRange(address % (2 << 20), 0, sizeof(Triple) - 1);
        }
    }

    private readonly record struct Block(ulong A, ulong B, ulong C, ulong D);

    private readonly record struct Triple(ulong A, ulong B, ulong C);
}
