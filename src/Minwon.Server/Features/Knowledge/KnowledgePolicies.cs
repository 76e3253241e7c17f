namespace Minwon.Server.Features.Knowledge;

/// <summary>
/// Authorization policy names for the knowledge API, defined in Features/Staff (StaffRoles): reading for all staff,
/// editing for supervisors and administrators.
/// </summary>
public static class KnowledgePolicies
{
    /// <summary>Counsellors and the bot: list, get, search, history.</summary>
    public const string Read = "staff";

    /// <summary>Knowledge administrators: create, update, retire, import, synonyms, reindex.</summary>
    public const string Edit = "knowledge-admin";
}
