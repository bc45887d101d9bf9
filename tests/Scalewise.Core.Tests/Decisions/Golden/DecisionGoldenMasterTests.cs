using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Scalewise.Core.Decisions;
using Scalewise.Core.Policies;
using Scalewise.Backtest;
using Scalewise.Backtest.Strategies;
using Scalewise.Core.Traces;
using Scalewise.Tests;

namespace Scalewise.Core.Tests.Decisions.Golden;

/// <summary>
/// Golden master of the decision engine: every decision of every example policy (examples/policies/*.json) on a day of
/// synthetic metrics through <see cref="ScalingTick.Decide"/> (as written, tuned with stabilization, fallback and a cost
/// cap, in observe mode, and starting off its SKU ladder and above its maximum), and every decision of <c>web-default.json</c> calibrated to 70% on the NASA trace through the
/// backtest's <c>scalewise</c> strategy (as <c>scalewise simulate --calibrate 70</c> runs it), written as text and compared
/// with the files checked in beside this test (tests/Scalewise.Core.Tests/Decisions/Golden/*.txt).
/// </summary>
/// <remarks>
/// <para>
/// Every decision is rendered in full (minute, time, kind, outcome, direction, capacity and SKU from → to, severity,
/// recommended capacity, reason, adjustments, rule evaluations) and goes into the SHA-256 digest on the file's last line,
/// so any change to any decision fails the test. To keep the files small they show, per replay, how many decisions there
/// were of each kind (kind, outcome, direction, severity, adjustment kinds), the first two of each kind in full, and every
/// capacity or SKU change on one line. <c>SCALEWISE_GOLDEN_FULL=/some/folder</c> also writes every decision in full there
/// (run it before and after a change and diff the folders); on a mismatch the actual golden text is written to Golden.actual/.
/// </para>
/// <para>
/// To regenerate the golden files after an intended change of behaviour, run with <c>SCALEWISE_UPDATE_GOLDEN=1</c>:
/// <c>SCALEWISE_UPDATE_GOLDEN=1 dotnet test tests/Scalewise.Core.Tests --filter FullyQualifiedName~DecisionGoldenMasterTests</c>;
/// the files are written into the source tree (found by walking up to the folder holding Functions.sln), to review with
/// <c>git diff</c>. On a mismatch the actual text is written next to the test assembly (Golden.actual/) to diff.
/// </para>
/// </remarks>
public sealed class DecisionGoldenMasterTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 2, 6, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> ExamplePolicies() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "examples", "policies"), "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ExamplePolicies))]
    public void ExamplePolicy_SyntheticDay_DecisionsMatchGoldenFile(string name)
    {
        var policy = PolicyDocument.Parse(Samples.ExampleJson(name + ".json")).Policy!;
        var tuned = policy with
        {
            ScaleInStabilization = TimeSpan.FromMinutes(10),
            Fallback = new MetricFailureFallback(3, policy.Capacity.Maximum),
            MaxHourlyCost = policy.IsVertical ? 0.3m : 0.6m,
        };
        var observed = policy with { Mode = PolicyMode.Observe };

        var text = new GoldenText();
        Replay(text, "as written", policy, 1440);
        Replay(text, "tuned: stabilization 10m, fallback after 3 failures, cost cap", tuned, 1440);
        Replay(text, "observe mode", observed, 360);
        Replay(text, "tuned, starting off its SKU and (scale sets) above its maximum", tuned, 240, policy.IsVertical ? policy.Capacity.Default : policy.Capacity.Maximum + 1, "Unknown_SKU");

        Compare($"{name}.txt", text);
    }

    [Fact]
    public void WebDefault_NasaTraceCalibrated70_DecisionsMatchGoldenFile()
    {
        WorkloadTrace trace;
        using (var reader = new StreamReader(Path.Combine(RepositoryFiles.Traces, "nasa95_per_minute.csv")))
        {
            trace = TraceReader.Read(reader);
        }

        var model = TargetModel.Derive(trace);
        var policy = PolicyCalibration.ToModel(PolicyDocument.Parse(Samples.ExampleJson("web-default.json")).Policy!, model, 70).Policy;
        var recorder = new RecordingStrategy(new PolicyStrategy(policy), trace.Start);

        Backtester.Replay(trace, model, policy.Capacity, recorder, keepSeries: false);

        var text = new GoldenText();
        text.Section($"web-default.json calibrated to 70% on nasa95_per_minute.csv ({trace.Length} minutes)");
        foreach (var (minute, decision) in recorder.Decisions)
        {
            text.Add(minute, decision);
        }

        Compare("nasa-web-default.txt", text);
    }

    private static void Replay(GoldenText text, string label, ScalingPolicy policy, int minutes, int? capacity = null, string? sku = null)
    {
        text.Section(label);
        var replay = new SyntheticPolicyReplay(policy, capacity ?? policy.Capacity.Default, sku ?? SyntheticPolicyReplay.StartSku(policy));
        foreach (var (minute, decision) in replay.Run(Start, minutes))
        {
            text.Add(minute, decision);
        }
    }

    private static void Compare(string file, GoldenText text)
    {
        var actual = text.ToString();
        if (Environment.GetEnvironmentVariable("SCALEWISE_GOLDEN_FULL") is { Length: > 0 } fullFolder)
        {
            File.WriteAllText(Path.Combine(Directory.CreateDirectory(fullFolder).FullName, file), text.Full);
        }

        var golden = Path.Combine(RepositoryFiles.Root, "tests", "Scalewise.Core.Tests", "Decisions", "Golden", file);
        if (Environment.GetEnvironmentVariable("SCALEWISE_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, actual);
            return;
        }

        Assert.True(File.Exists(golden), $"No golden file {golden}; run with SCALEWISE_UPDATE_GOLDEN=1 to write it.");
        var expected = File.ReadAllText(golden).ReplaceLineEndings("\n");
        if (expected != actual)
        {
            var directory = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "Golden.actual"));
            File.WriteAllText(Path.Combine(directory.FullName, file), actual);
            var expectedLines = expected.Split('\n');
            var actualLines = actual.Split('\n');
            var first = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length)).FirstOrDefault(i => expectedLines[i] != actualLines[i], Math.Min(expectedLines.Length, actualLines.Length));
            Assert.Fail($"{file} differs from the golden file at line {first + 1}:\n  expected: {expectedLines.ElementAtOrDefault(first)}\n  actual:   {actualLines.ElementAtOrDefault(first)}\n(actual text written to {directory.FullName}; set SCALEWISE_GOLDEN_FULL=/some/folder, here and on the last good commit, to diff every decision in full)");
        }
    }

    /// <summary>
    /// Decisions as golden text: every capacity or SKU change on one line; the first two decisions of each kind of decision
    /// (kind, outcome, direction, severity and the kinds of its adjustments) in full, and how many there were of each; and
    /// the SHA-256 of every decision in full, with its evaluations.
    /// </summary>
    private sealed class GoldenText
    {
        private readonly StringBuilder changes = new();
        private readonly StringBuilder examples = new();
        private readonly StringBuilder? full = Environment.GetEnvironmentVariable("SCALEWISE_GOLDEN_FULL") is { Length: > 0 } ? new() : null;
        private readonly StringBuilder text = new();
        private readonly SortedDictionary<string, int> signatures = new(StringComparer.Ordinal);
        private readonly IncrementalHash digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private int total;

        /// <summary>Every decision in full, as the digest covers them; kept only when SCALEWISE_GOLDEN_FULL names a folder to write it to.</summary>
        public string Full => full?.ToString() ?? string.Empty;

        public void Section(string label)
        {
            Flush();
            text.Append(CultureInfo.InvariantCulture, $"## {label}\n");
            full?.Append(CultureInfo.InvariantCulture, $"## {label}\n");
        }

        public void Add(int minute, ScalingDecision decision)
        {
            var entry = new StringBuilder();
            entry.Append(CultureInfo.InvariantCulture, $"{minute:D5} {decision.DecidedAt:u} {decision.Kind} {decision.Outcome} {decision.Direction} {decision.CurrentCapacity}→{decision.NewCapacity}");
            entry.Append(CultureInfo.InvariantCulture, $" sku {decision.CurrentSku ?? "-"}→{decision.NewSku ?? "-"} {decision.Severity} rec {decision.RecommendedCapacity?.ToString(CultureInfo.InvariantCulture) ?? "-"} max {decision.RaisedMaximum?.ToString(CultureInfo.InvariantCulture) ?? "-"}\n");
            entry.Append(CultureInfo.InvariantCulture, $"  {decision.Reason}\n");
            foreach (var adjustment in decision.Adjustments)
            {
                entry.Append(CultureInfo.InvariantCulture, $"  ~ {adjustment.Kind}: {adjustment.Detail}\n");
            }

            var shown = entry.ToString();
            foreach (var e in decision.Evaluations)
            {
                entry.Append(CultureInfo.InvariantCulture, $"  = {e.RuleName} [{e.MetricName}] {e.Direction} {e.Observed?.ToString("R", CultureInfo.InvariantCulture) ?? "null"} {e.Operator} {e.Threshold.ToString("R", CultureInfo.InvariantCulture)} fired={e.Fired} {e.Tier} desired={e.DesiredCapacity?.ToString(CultureInfo.InvariantCulture) ?? "-"} {e.Detail}\n");
            }

            var all = entry.ToString();
            full?.Append(all);
            digest.AppendData(Encoding.UTF8.GetBytes(all));
            total++;

            if (decision.RequiresAction || decision.RequiresSkuChange || decision.Outcome == DecisionOutcome.Observed)
            {
                changes.Append(CultureInfo.InvariantCulture, $"{minute:D5} {decision.Kind} {decision.Outcome} {decision.CurrentCapacity}→{decision.NewCapacity}{(decision.NewSku is { } sku ? " " + sku : null)}\n");
            }

            var signature = $"{decision.Kind} {decision.Outcome} {decision.Direction} {decision.Severity} [{string.Join(", ", decision.Adjustments.Select(a => a.Kind))}]";
            var seen = signatures.GetValueOrDefault(signature);
            signatures[signature] = seen + 1;
            if (seen < 2)
            {
                examples.Append(shown);
            }
        }

        public override string ToString()
        {
            Flush();
            return text + string.Create(CultureInfo.InvariantCulture, $"# {total} decisions; SHA-256 of all of them in full, with their evaluations: {Convert.ToHexString(digest.GetHashAndReset())}\n");
        }

        private void Flush()
        {
            if (signatures.Count == 0)
            {
                return;
            }

            text.Append("### decisions by kind, outcome, direction, severity and adjustments\n");
            foreach (var (signature, count) in signatures)
            {
                text.Append(CultureInfo.InvariantCulture, $"{count,6} {signature}\n");
            }

            text.Append("### the first two of each, in full\n").Append(examples);
            text.Append("### capacity and SKU changes (observed ones too)\n").Append(changes);
            signatures.Clear();
            examples.Clear();
            changes.Clear();
        }
    }

    /// <summary>Runs a strategy and keeps every decision it evaluates (a tick skipped while a procedure runs is not one).</summary>
    private sealed class RecordingStrategy(PolicyStrategy inner, DateTimeOffset start) : ScalingStrategy
    {
        public List<(int Minute, ScalingDecision Decision)> Decisions { get; } = [];

        public override string Name => inner.Name;

        public override int InitialCapacity(TargetModel model, CapacityBounds bounds) => inner.InitialCapacity(model, bounds);

        public override CapacityRequest Decide(ReplayTick tick)
        {
            var before = inner.LastDecision;
            var request = inner.Decide(tick);
            if (inner.LastDecision is { } decision && !ReferenceEquals(decision, before))
            {
                Decisions.Add(((int)(decision.DecidedAt - start).TotalMinutes, decision));
            }

            return request;
        }
    }
}
