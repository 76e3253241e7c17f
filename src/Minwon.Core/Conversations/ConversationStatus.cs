namespace Minwon.Core.Conversations;

public enum ConversationStatus { New, Queued, Offered, Assigned, WrapUp, Closed, Abandoned }
