using System.Text.RegularExpressions;
using Scalewise.Azure.Targets;

namespace Scalewise.Azure.Tests.Targets;

/// <summary>Snapshot names Azure accepts: 1-80 characters, letters, digits, '_', '.', '-', ending in a letter, digit or '_'.</summary>
public sealed partial class SnapshotNameTests
{
    private const string Label = "scalewise-20261203101500";

    [Theory]
    [InlineData(1)]
    [InlineData(40)]
    [InlineData(55)]
    [InlineData(56)]
    [InlineData(57)]
    [InlineData(70)]
    [InlineData(79)]
    [InlineData(80)]
    [InlineData(200)]
    public void SnapshotName_AnyDiskNameLength_IsValidAndKeepsTheTimeLabel(int length)
    {
        var disk = DiskName(length, 'd');

        var name = VirtualMachineController.SnapshotName(disk, Label);

        Assert.Matches(ValidName(), name);
        Assert.EndsWith("-" + Label, name, StringComparison.Ordinal);
    }

    [Fact]
    public void SnapshotName_DiskNameThatFits_IsDiskDashLabel()
    {
        Assert.Equal("web-01_OsDisk_1-" + Label, VirtualMachineController.SnapshotName("web-01_OsDisk_1", Label));
    }

    [Fact]
    public void SnapshotName_LongDiskNameCutAtADash_DoesNotEndTheHeadInDashOrDot()
    {
        // 55 characters of room before the hash: the cut would fall right after the '-' and '.' at positions 54 and 55.
        var disk = new string('a', 53) + "-." + new string('b', 40);

        var name = VirtualMachineController.SnapshotName(disk, Label);

        Assert.Matches(ValidName(), name);
        Assert.DoesNotContain("--", name, StringComparison.Ordinal);
        Assert.DoesNotContain(".-", name, StringComparison.Ordinal);
    }

    [Fact]
    public void SnapshotName_TwoLongDiskNamesSharingTheirStart_Differ()
    {
        var first = DiskName(120, 'x') + "-data-disk-1";
        var second = DiskName(120, 'x') + "-data-disk-2";

        Assert.NotEqual(VirtualMachineController.SnapshotName(first, Label), VirtualMachineController.SnapshotName(second, Label));
    }

    [Fact]
    public void SnapshotName_SameLongDiskAtTwoTimes_Differ()
    {
        var disk = DiskName(120, 'x');

        Assert.NotEqual(
            VirtualMachineController.SnapshotName(disk, "scalewise-20261203101500"),
            VirtualMachineController.SnapshotName(disk, "scalewise-20261203111500"));
    }

    private static string DiskName(int length, char fill) => string.Concat("vm", new string(fill, Math.Max(0, length - 2)))[..length];

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,78}[A-Za-z0-9_]$")]
    private static partial Regex ValidName();
}
