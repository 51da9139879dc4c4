using PrepGen.Runtime;

namespace PrepGen.Generator.Tests;

/// <summary>
/// The AppContext switches of mapped tables. They are process-wide, so these tests run alone (a collection
/// without parallelization) and restore the switches.
/// </summary>
[Collection(nameof(MappedTableSwitchTests))]
public class MappedTableSwitchTests
{
    [Fact]
    public void Verify_on_open_refuses_a_damaged_block_when_the_table_is_mapped_and_skip_trusts_the_file()
    {
        string vocabularyPath = Path.Combine(Path.GetTempPath(), "v-" + Guid.NewGuid().ToString("N") + ".txt");
        string tablePath = vocabularyPath + ".pgtable";
        File.WriteAllText(vocabularyPath, "alpha\nbeta\ngamma\n");
        try
        {
            PrepGen.Build.MappedTableWriter.Write(vocabularyPath, tablePath, _ => { }, System.Threading.CancellationToken.None);
            byte[] bytes = File.ReadAllBytes(tablePath);
            string hash = System.Text.Encoding.ASCII.GetString(bytes, 40, 64);
            bytes[128 + 1] ^= 0x01; // a slot word (the header is 128 bytes): found lazily without a switch
            File.WriteAllBytes(tablePath, bytes);
            Assert.Null(MappedStringTable.Open(tablePath, hash, 3).Error);

            AppContext.SetSwitch(MappedStringTable.VerifyOnOpenSwitch, true);
            MappedStringTable eager = MappedStringTable.Open(tablePath, hash, 3);
            Assert.Contains("its content is damaged (bytes 128..", Assert.IsType<InvalidDataException>(eager.Error).Message, StringComparison.Ordinal);
            Assert.Throws<InvalidDataException>(() => MappedStringTable.Bytes(eager.Pilots, eager.BucketCount).Length);

            AppContext.SetSwitch(MappedStringTable.VerifyOnOpenSwitch, false);
            AppContext.SetSwitch(MappedStringTable.SkipChecksumSwitch, true);
            bytes[8] ^= 0x01; // the seed too: not even the header sum is checked
            File.WriteAllBytes(tablePath, bytes);
            MappedStringTable trusted = MappedStringTable.Open(tablePath, hash, 3);
            Assert.Null(trusted.Error);
            trusted.Verify(); // every block is taken as verified
        }
        finally
        {
            AppContext.SetSwitch(MappedStringTable.VerifyOnOpenSwitch, false);
            AppContext.SetSwitch(MappedStringTable.SkipChecksumSwitch, false);
            File.Delete(vocabularyPath);
            File.Delete(tablePath);
        }
    }
}

[CollectionDefinition(nameof(MappedTableSwitchTests), DisableParallelization = true)]
public sealed class MappedTableSwitchCollection;
