namespace Minwon.LoadGen;

public enum Side
{
    Citizen,
    Counsellor,
}
