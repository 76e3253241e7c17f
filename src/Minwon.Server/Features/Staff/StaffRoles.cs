namespace Minwon.Server.Features.Staff;

/// <summary>Staff roles and the authorization policies built on them.</summary>
public static class StaffRoles
{
    public const string Counsellor = "counsellor";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";

    public static readonly string[] All = [Counsellor, Supervisor, Admin];

    /// <summary>Any signed-in staff member.</summary>
    public const string StaffPolicy = "staff";

    /// <summary>Supervisors and administrators: see everything in the center.</summary>
    public const string SupervisorPolicy = "supervisor";

    public const string AdminPolicy = "admin";

    /// <summary>Edits the knowledge base: supervisors and administrators.</summary>
    public const string KnowledgeEditorPolicy = "knowledge-admin";
}
