namespace Minwon.LoadGen;

/// <summary>One simulated chat: the citizen's and the counsellor's view of its message stream, by sequence number.</summary>
public sealed class SimConversation(int index)
{
    public int Index { get; } = index;

    public Guid Id { get; set; }

    public string Token { get; set; } = "";

    public SimCitizen? Citizen { get; set; }

    public SimCounsellor? Counsellor { get; set; }

    public SideView CitizenView { get; } = new();

    public SideView CounsellorView { get; } = new();

    public SideView View(Side side) => side == Side.Citizen ? CitizenView : CounsellorView;
}
