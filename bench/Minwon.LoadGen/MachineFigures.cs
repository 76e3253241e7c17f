namespace Minwon.LoadGen;

public sealed record MachineFigures(int Cores, string Os, string Runtime);
