namespace Minwon.LoadGen;

/// <summary>What one side has rendered: a client that de-duplicates by seq shows each seq once, in order.</summary>
public sealed class SideView
{
    private readonly HashSet<int> seen = [];
    private int maxSeq;

    public int RawDuplicates { get; private set; }

    public int OutOfOrder { get; private set; }

    /// <summary>The join race (history and pushes overlapping) is expected and de-duplicated by design; only the load phase counts.</summary>
    public void ResetCounters()
    {
        lock (seen)
        {
            RawDuplicates = 0;
            OutOfOrder = 0;
        }
    }

    /// <summary>Returns false when this seq was already seen (a raw duplicate the client must drop).</summary>
    public bool Accept(int seq)
    {
        lock (seen)
        {
            if (!seen.Add(seq))
            {
                RawDuplicates++;
                return false;
            }

            if (seq < maxSeq)
            {
                OutOfOrder++;
            }

            maxSeq = Math.Max(maxSeq, seq);
            return true;
        }
    }

    /// <summary>Sequence numbers missing between the first and the last one this side saw.</summary>
    public int Gaps()
    {
        lock (seen)
        {
            return seen.Count == 0 ? 0 : maxSeq - seen.Min() + 1 - seen.Count;
        }
    }
}
