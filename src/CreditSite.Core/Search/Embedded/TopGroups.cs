namespace CreditSite.Search.Embedded;

/// <summary>The best <c>capacity</c> groups seen so far, each with its best document: a min-heap whose root is the worst
/// group kept, and a map from group to slot that never holds more than <c>capacity</c> entries. A group pushed out can
/// only come back with a document better than the root, which is then also better than any it had before (the root
/// only improves), so the groups kept are exactly the best ones.</summary>
internal sealed class TopGroups
{
    private readonly int _capacity;
    private readonly long[] _group;
    private readonly double[] _value;
    private readonly int[] _doc;
    private readonly int[] _heap;
    private readonly int[] _position;
    private readonly Dictionary<long, int> _slotOf;
    private int _count;

    public TopGroups(int capacity)
    {
        _capacity = capacity;
        _group = new long[capacity];
        _value = new double[capacity];
        _doc = new int[capacity];
        _heap = new int[capacity];
        _position = new int[capacity];
        _slotOf = new Dictionary<long, int>(Math.Min(capacity, 1024));
    }

    /// <summary>True when a document of this value can no longer change the groups kept (the caller may skip it).</summary>
    public bool CannotEnter(double value, int doc) =>
        _count == _capacity && (_capacity == 0 || !Better(value, doc, _heap[0]));

    /// <summary>A matching document of <paramref name="group"/>: higher <paramref name="value"/> is better, then the lower
    /// document number (so that the order is stable from page to page).</summary>
    public void Offer(long group, double value, int doc)
    {
        if (CannotEnter(value, doc))
        {
            return;
        }

        if (_slotOf.TryGetValue(group, out var slot))
        {
            if (Better(value, doc, slot))
            {
                _value[slot] = value;
                _doc[slot] = doc;
                SiftDown(_position[slot]);
            }

            return;
        }

        if (_count < _capacity)
        {
            slot = _count++;
            _heap[slot] = slot;
            _position[slot] = slot;
            Set(slot, group, value, doc);
            SiftUp(slot);
        }
        else
        {
            slot = _heap[0];
            _slotOf.Remove(_group[slot]);
            Set(slot, group, value, doc);
            SiftDown(0);
        }

        _slotOf[group] = slot;
    }

    /// <summary>The groups kept, best first.</summary>
    public List<(long Group, double Value, int Doc)> Sorted()
    {
        var slots = Enumerable.Range(0, _count).ToList();
        slots.Sort((a, b) => Better(_value[a], _doc[a], b) ? -1 : Better(_value[b], _doc[b], a) ? 1 : 0);
        return slots.Select(s => (_group[s], _value[s], _doc[s])).ToList();
    }

    private void Set(int slot, long group, double value, int doc)
    {
        _group[slot] = group;
        _value[slot] = value;
        _doc[slot] = doc;
    }

    private bool Better(double value, int doc, int slot) => value > _value[slot] || (value == _value[slot] && doc < _doc[slot]);

    /// <summary>True when the group in heap position <paramref name="a"/> is worse than the one in <paramref name="b"/>.</summary>
    private bool Worse(int a, int b) => Better(_value[_heap[b]], _doc[_heap[b]], _heap[a]);

    private void SiftUp(int position)
    {
        while (position > 0)
        {
            var parent = (position - 1) / 2;
            if (!Worse(position, parent))
            {
                return;
            }

            Swap(position, parent);
            position = parent;
        }
    }

    private void SiftDown(int position)
    {
        while (true)
        {
            var worst = position;
            var left = 2 * position + 1;
            if (left < _count && Worse(left, worst))
            {
                worst = left;
            }

            if (left + 1 < _count && Worse(left + 1, worst))
            {
                worst = left + 1;
            }

            if (worst == position)
            {
                return;
            }

            Swap(position, worst);
            position = worst;
        }
    }

    private void Swap(int a, int b)
    {
        (_heap[a], _heap[b]) = (_heap[b], _heap[a]);
        _position[_heap[a]] = a;
        _position[_heap[b]] = b;
    }
}
