using Microsoft.Extensions.Logging.Abstractions;
using SalesSpec.Web.Features.Imports.Services;

namespace SalesSpec.Web.Tests.Features.Imports;

/// <summary>Spool files a crash left behind go at start-up; recent ones and other files stay.</summary>
public sealed class SpoolSweeperTests
{
    [Fact]
    public void Old_upload_and_export_files_are_removed_and_recent_or_foreign_ones_kept()
    {
        var folder = Directory.CreateTempSubdirectory("salesspec-sweep-").FullName;
        try
        {
            var now = new DateTime(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);
            string Make(string name, TimeSpan age)
            {
                var path = Path.Combine(folder, name);
                File.WriteAllText(path, "x");
                File.SetLastWriteTimeUtc(path, now - age);
                return path;
            }
            var oldUpload = Make("salesspec-import-0a.csv", TimeSpan.FromDays(3));
            var oldExport = Make("salesspec-export-0b.xlsx", TimeSpan.FromHours(25));
            var recentUpload = Make("salesspec-import-0c.csv", TimeSpan.FromHours(2));
            var foreign = Make("report.csv", TimeSpan.FromDays(30));

            // "Now" as the file system reports it back: a machine clock moved for the calendar passes shifts file
            // times too, and the ages between them are what count.
            var marker = Make("marker.txt", TimeSpan.Zero);

            new SpoolSweeper(new ShiftedClock(File.GetLastWriteTimeUtc(marker)), NullLogger<SpoolSweeper>.Instance).Sweep(folder).ShouldBe(2);

            File.Exists(oldUpload).ShouldBeFalse();
            File.Exists(oldExport).ShouldBeFalse();
            File.Exists(recentUpload).ShouldBeTrue();
            File.Exists(foreign).ShouldBeTrue();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class ShiftedClock(DateTime utcNow) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utcNow, TimeSpan.Zero);
    }
}
