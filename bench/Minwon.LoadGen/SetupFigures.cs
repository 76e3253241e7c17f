namespace Minwon.LoadGen;

public sealed record SetupFigures(int Counsellors, int Conversations, int Assigned, double SeedSeconds, double ServerStartSeconds,
    double SignInSeconds, double CitizensSeconds, double AssignSeconds);
