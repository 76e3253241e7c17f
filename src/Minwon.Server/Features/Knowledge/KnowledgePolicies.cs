namespace Minwon.Server.Features.Knowledge;

/// <summary>
/// Authorization policy names for the knowledge API. The endpoints are not protected yet; the lead wires these
/// onto the read and edit groups in <see cref="KnowledgeEndpoints.MapKnowledge"/> once staff sign-in exists.
/// </summary>
public static class KnowledgePolicies
{
    /// <summary>Counsellors and the bot: list, get, search, history.</summary>
    public const string Read = "staff";

    /// <summary>Knowledge administrators: create, update, retire, import, synonyms, reindex.</summary>
    public const string Edit = "knowledge-admin";
}
