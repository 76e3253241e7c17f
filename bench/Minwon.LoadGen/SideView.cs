namespace Minwon.LoadGen;

/// <summary>What one side has rendered: a client that de-duplicates by seq shows each seq once, in order.</summary>
public sealed class SideView
{
    private readonly HashSet<int> _seen = [];
    private int _maxSeq;

    public int RawDuplicates { get; private set; }

    public int OutOfOrder { get; private set; }

    /// <summary>The join race (history and pushes overlapping) is expected and de-duplicated by design; only the load phase counts.</summary>
    public void ResetCounters()
    {
        lock (_seen)
        {
            RawDuplicates = 0;
            OutOfOrder = 0;
        }
    }

    /// <summary>Returns false when this seq was already seen (a raw duplicate the client must drop).</summary>
    public bool Accept(int seq)
    {
        lock (_seen)
        {
            if (!_seen.Add(seq))
            {
                RawDuplicates++;
                return false;
            }

            if (seq < _maxSeq)
            {
                OutOfOrder++;
            }

            _maxSeq = Math.Max(_maxSeq, seq);
            return true;
        }
    }

    /// <summary>Sequence numbers missing between the first and the last one this side saw.</summary>
    public int Gaps()
    {
        lock (_seen)
        {
            return _seen.Count == 0 ? 0 : _maxSeq - _seen.Min() + 1 - _seen.Count;
        }
    }
}
