namespace Scalewise.Simulator.Faults;

/// <summary>
/// Faults to inject per operation. Rules are tried in the order they were enqueued; the first that matches a request
/// is applied and its <see cref="FaultRule.Times"/> counts down. Thread-safe.
/// </summary>
public sealed class FaultInjector(TimeProvider timeProvider)
{
    private readonly Lock gate = new();
    private readonly List<(FaultRule Rule, int Left)> rules = [];
    private readonly List<InjectedFault> injected = [];

    /// <summary>Rules not yet used up.</summary>
    public IReadOnlyList<FaultRule> Pending
    {
        get
        {
            lock (gate)
            {
                return [.. rules.Select(r => r.Rule)];
            }
        }
    }

    /// <summary>Every fault applied so far, oldest first.</summary>
    public IReadOnlyList<InjectedFault> Injected
    {
        get
        {
            lock (gate)
            {
                return [.. injected];
            }
        }
    }

    public void Enqueue(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentException.ThrowIfNullOrWhiteSpace(rule.ResourceId);
        ArgumentOutOfRangeException.ThrowIfLessThan(rule.Times, 1);
        if (rule.Kind == FaultKind.Throttle && rule.RetryAfter < TimeSpan.Zero)
        {
            throw new ArgumentException("A throttle's RetryAfter must not be negative.", nameof(rule));
        }

        lock (gate)
        {
            rules.Add((rule, rule.Times));
        }
    }

    /// <summary>Removes every rule equal to <paramref name="rule"/> (for example one enqueued with <see cref="int.MaxValue"/> times, once its window ends).</summary>
    public void Remove(FaultRule rule)
    {
        lock (gate)
        {
            rules.RemoveAll(r => r.Rule == rule);
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            rules.Clear();
        }
    }

    internal FaultRule? TryTake(string method, string path)
    {
        lock (gate)
        {
            for (var i = 0; i < rules.Count; i++)
            {
                var (rule, left) = rules[i];
                if (!rule.Matches(method, path))
                {
                    continue;
                }

                if (left == int.MaxValue)
                {
                    // Kept until cleared.
                }
                else if (left <= 1)
                {
                    rules.RemoveAt(i);
                }
                else
                {
                    rules[i] = (rule, left - 1);
                }

                injected.Add(new InjectedFault(rule, method, path, timeProvider.GetUtcNow()));
                return rule;
            }

            return null;
        }
    }
}
