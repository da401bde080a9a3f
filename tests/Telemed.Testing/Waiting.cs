namespace Telemed.Testing;

/// <summary>
/// Waiting for what the system does in the background (a job, an event, another node, a meeting at
/// the sandbox): the condition is read again and again until it holds, up to a deadline generous
/// enough for a loaded two-core machine. A passing test returns as soon as the condition holds; a
/// failing one says what it waited for and what it last saw.
/// </summary>
public static class Waiting
{
    /// <summary>The deadline for anything a test waits for, unless it needs longer.</summary>
    public static readonly TimeSpan Generous = TimeSpan.FromSeconds(90);

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    /// <summary>Waits until <paramref name="condition"/> holds.</summary>
    public static Task UntilAsync(Func<Task<bool>> condition, string waitingFor, TimeSpan? timeout = null) =>
        ForAsync(condition, done => done, _ => "", waitingFor, timeout);

    public static Task UntilAsync(Func<bool> condition, string waitingFor, TimeSpan? timeout = null) =>
        ForAsync(() => Task.FromResult(condition()), done => done, _ => "", waitingFor, timeout);

    /// <summary>Reads a value until <paramref name="done"/> accepts it, and returns it; <paramref name="describe"/> tells what was last read.</summary>
    public static async Task<T> ForAsync<T>(Func<Task<T>> read, Func<T, bool> done, Func<T, string> describe, string waitingFor, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Generous;
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                var seen = describe(value);
                throw new TimeoutException($"Waited {limit.TotalSeconds:0} s for {waitingFor}{(seen.Length > 0 ? $"; last saw {seen}" : "")}.");
            }
            await Task.Delay(Pause);
        }
    }
}
