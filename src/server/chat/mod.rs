//! Conversations: who reads and writes them, posting, reading, hiding, and the unread
//! count of the header. Every change announces a live event in its transaction.

pub mod mail;

use sqlx::{PgConnection, PgPool};

use crate::domain::account::Role;
use crate::domain::chat::{
    message_body, open_for_messages, ChatMessage, Conversation, SHOWN_MESSAGES,
};
use crate::domain::id::{AccountId, ExpertId, ProjectId};
use crate::domain::live::LiveKind;
use crate::domain::selection::{Party, ProposalState};
use crate::domain::session::CurrentUser;
use crate::error::{AppError, Problem};
use crate::server::auth::rate_limit::{self, Limit};
use crate::server::live;
use crate::server::state::AppState;

/// Messages per account: a lively exchange passes, a script does not.
pub const MESSAGES_PER_ACCOUNT: Limit = Limit {
    max: 30,
    window_secs: 300,
};

/// The path as the conversation needs it.
struct Path {
    state: ProposalState,
    client: Option<AccountId>,
    expert_account: AccountId,
    client_name: String,
    expert_name: String,
}

async fn path(
    conn: &mut PgConnection,
    project: ProjectId,
    expert: ExpertId,
    lock: bool,
) -> Result<Option<Path>, sqlx::Error> {
    if lock {
        // The path's row before the live event (see `server::live`), and no end of the
        // path between the check and the message.
        sqlx::query!(
            "SELECT 1 AS locked FROM proposals WHERE project_id = $1 AND expert_id = $2 FOR SHARE",
            project as ProjectId,
            expert as ExpertId,
        )
        .fetch_optional(&mut *conn)
        .await?;
    }
    let row = sqlx::query!(
        r#"SELECT p.state AS "state: ProposalState", pr.client_account_id AS "client: AccountId",
                  e.account_id AS "expert_account!: AccountId", e.first_name,
                  coalesce(c.company_name, '') AS "company!"
           FROM proposals p JOIN projects pr ON pr.id = p.project_id
           JOIN experts e ON e.id = p.expert_id
           LEFT JOIN clients c ON c.account_id = pr.client_account_id
           WHERE p.project_id = $1 AND p.expert_id = $2"#,
        project as ProjectId,
        expert as ExpertId,
    );
    Ok(row.fetch_optional(&mut *conn).await?.map(|r| Path {
        state: r.state,
        client: r.client,
        expert_account: r.expert_account,
        client_name: r.company,
        expert_name: r.first_name,
    }))
}

/// Who the caller is to the path; `None`: a stranger, who is answered as if the path did
/// not exist.
fn party(caller: &CurrentUser, path: &Path) -> Option<Party> {
    match caller.role {
        Role::Client if path.client == Some(caller.id) => Some(Party::Client),
        Role::Provider if path.expert_account == caller.id => Some(Party::Expert),
        Role::Admin => Some(Party::Admin),
        _ => None,
    }
}

/// The latest messages of the conversation, for a party or an admin.
pub async fn conversation(
    pool: &PgPool,
    caller: &CurrentUser,
    project: ProjectId,
    expert: ExpertId,
) -> Result<Conversation, AppError> {
    conversations(pool, caller, &[(project, expert)])
        .await?
        .pop()
        .flatten()
        .ok_or(AppError::NotFound)
}

/// The conversations of several paths in three queries, in the order asked; `None` for
/// a path that does not exist or that the caller is a stranger to.
pub async fn conversations(
    pool: &PgPool,
    caller: &CurrentUser,
    paths: &[(ProjectId, ExpertId)],
) -> Result<Vec<Option<Conversation>>, AppError> {
    let projects: Vec<ProjectId> = paths.iter().map(|(p, _)| *p).collect();
    let experts: Vec<ExpertId> = paths.iter().map(|(_, e)| *e).collect();
    let mut conn = pool.acquire().await?;
    let found = sqlx::query!(
        r#"SELECT p.project_id AS "project: ProjectId", p.expert_id AS "expert: ExpertId",
                  p.state AS "state: ProposalState", pr.client_account_id AS "client: AccountId",
                  e.account_id AS "expert_account!: AccountId", e.first_name,
                  coalesce(c.company_name, '') AS "company!",
                  coalesce(r.last_read_id, 0) AS "read_up_to!"
           FROM unnest($1::uuid[], $2::uuid[]) AS k(project_id, expert_id)
           JOIN proposals p ON p.project_id = k.project_id AND p.expert_id = k.expert_id
           JOIN projects pr ON pr.id = p.project_id
           JOIN experts e ON e.id = p.expert_id
           LEFT JOIN clients c ON c.account_id = pr.client_account_id
           LEFT JOIN chat_reads r ON r.project_id = p.project_id
                AND r.expert_id = p.expert_id AND r.account_id = $3"#,
        &projects as &[ProjectId],
        &experts as &[ExpertId],
        caller.id as AccountId,
    )
    .fetch_all(&mut *conn)
    .await?;
    let rows = sqlx::query!(
        r#"SELECT m.project_id AS "project: ProjectId", m.expert_id AS "expert: ExpertId",
                  m.id AS "id!", m.author_account_id AS "author!: AccountId", m.body AS "body!",
                  m.hidden AS "hidden!",
                  m.created_at AS "created_at!: chrono::DateTime<chrono::Utc>"
           FROM unnest($1::uuid[], $2::uuid[]) AS k(project_id, expert_id)
           CROSS JOIN LATERAL (
               SELECT project_id, expert_id, id, author_account_id, body,
                      hidden_at IS NOT NULL AS hidden, created_at
               FROM chat_messages
               WHERE project_id = k.project_id AND expert_id = k.expert_id
               ORDER BY id DESC LIMIT $3) m
           ORDER BY m.id"#,
        &projects as &[ProjectId],
        &experts as &[ExpertId],
        SHOWN_MESSAGES,
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut out: Vec<Option<Conversation>> = vec![None; paths.len()];
    let mut owners = Vec::with_capacity(paths.len());
    for row in found {
        let path = Path {
            state: row.state,
            client: row.client,
            expert_account: row.expert_account,
            client_name: row.company,
            expert_name: row.first_name,
        };
        let Some(reader) = party(caller, &path) else {
            continue;
        };
        let Some(slot) = paths.iter().position(|k| *k == (row.project, row.expert)) else {
            continue;
        };
        owners.push((slot, path.expert_account));
        out[slot] = Some(Conversation {
            reader,
            may_write: reader != Party::Admin && open_for_messages(path.state),
            messages: Vec::new(),
            read_up_to: row.read_up_to,
            other_side: match reader {
                Party::Expert => path.client_name,
                _ => path.expert_name,
            },
        });
    }
    for r in rows {
        let Some(slot) = paths.iter().position(|k| *k == (r.project, r.expert)) else {
            continue;
        };
        let (Some(conversation), Some(&(_, expert_account))) =
            (out[slot].as_mut(), owners.iter().find(|(s, _)| *s == slot))
        else {
            continue;
        };
        conversation.messages.push(ChatMessage {
            id: r.id,
            author: if r.author == expert_account {
                Party::Expert
            } else {
                Party::Client
            },
            mine: r.author == caller.id,
            // A hidden message's words reach admins only.
            body: if r.hidden && conversation.reader != Party::Admin {
                String::new()
            } else {
                r.body
            },
            hidden: r.hidden,
            at_paris: crate::server::clock::paris_time(r.created_at),
            at: r.created_at,
        });
    }
    Ok(out)
}

/// Posts a message from the client or the expert of the path.
pub async fn post(
    state: &AppState,
    caller: &CurrentUser,
    project: ProjectId,
    expert: ExpertId,
    raw: &str,
) -> Result<i64, AppError> {
    let body = message_body(raw).map_err(AppError::Validation)?;
    let mut tx = state.pool.begin().await?;
    let path = path(&mut tx, project, expert, true)
        .await?
        .ok_or(AppError::NotFound)?;
    match party(caller, &path) {
        Some(Party::Client | Party::Expert) => {}
        Some(_) => return Err(AppError::Forbidden),
        None => return Err(AppError::NotFound),
    }
    if !open_for_messages(path.state) {
        return Err(AppError::Validation(Problem::ChatClosed));
    }
    rate_limit::hit(
        &state.pool,
        &format!("chat:{}", caller.id),
        MESSAGES_PER_ACCOUNT,
    )
    .await?;
    let id = sqlx::query_scalar!(
        "INSERT INTO chat_messages (project_id, expert_id, author_account_id, body)
         VALUES ($1, $2, $3, $4) RETURNING id",
        project as ProjectId,
        expert as ExpertId,
        caller.id as AccountId,
        body,
    )
    .fetch_one(&mut *tx)
    .await?;
    // One's own message is read.
    advance_read(&mut tx, project, expert, caller.id, id).await?;
    live::publish_path(&mut tx, LiveKind::Chat, project, expert).await?;
    tx.commit().await?;
    Ok(id)
}

async fn advance_read(
    conn: &mut PgConnection,
    project: ProjectId,
    expert: ExpertId,
    account: AccountId,
    upto: i64,
) -> Result<bool, sqlx::Error> {
    let moved = sqlx::query!(
        "INSERT INTO chat_reads (project_id, expert_id, account_id, last_read_id)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (project_id, expert_id, account_id) DO UPDATE
             SET last_read_id = excluded.last_read_id
             WHERE chat_reads.last_read_id < excluded.last_read_id",
        project as ProjectId,
        expert as ExpertId,
        account as AccountId,
        upto,
    )
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(moved > 0)
}

/// The caller has read the conversation up to message `upto` (no further than its
/// newest message). Their other tabs update their count.
pub async fn mark_read(
    pool: &PgPool,
    caller: &CurrentUser,
    project: ProjectId,
    expert: ExpertId,
    upto: i64,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let path = path(&mut tx, project, expert, false)
        .await?
        .ok_or(AppError::NotFound)?;
    if !matches!(party(caller, &path), Some(Party::Client | Party::Expert)) {
        return Err(AppError::NotFound);
    }
    let newest = sqlx::query_scalar!(
        r#"SELECT coalesce(max(id), 0) AS "id!" FROM chat_messages
           WHERE project_id = $1 AND expert_id = $2"#,
        project as ProjectId,
        expert as ExpertId,
    )
    .fetch_one(&mut *tx)
    .await?;
    let upto = upto.min(newest);
    if upto > 0 && advance_read(&mut tx, project, expert, caller.id, upto).await? {
        live::publish_notice(&mut tx, caller.id).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// An admin hides a message (or shows it again): the parties see that a message was
/// hidden, not what it said.
pub async fn set_hidden(
    pool: &PgPool,
    admin: &CurrentUser,
    message: i64,
    hidden: bool,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let path = sqlx::query!(
        r#"UPDATE chat_messages
           SET hidden_at = CASE WHEN $2 THEN coalesce(hidden_at, now()) END,
               hidden_by = CASE WHEN $2 THEN $3::uuid END
           WHERE id = $1
           RETURNING project_id AS "project: ProjectId", expert_id AS "expert: ExpertId""#,
        message,
        hidden,
        admin.id as AccountId,
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    live::publish_path(&mut tx, LiveKind::Chat, path.project, path.expert).await?;
    tx.commit().await?;
    tracing::info!(message, hidden, admin = %admin.id, "chat message visibility changed");
    Ok(())
}

/// Messages written to `account` by the other side of its paths, not hidden, not read.
pub async fn unread_count(pool: &PgPool, account: AccountId) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!" FROM chat_messages m
           JOIN projects pr ON pr.id = m.project_id
           JOIN experts e ON e.id = m.expert_id
           LEFT JOIN chat_reads r ON r.project_id = m.project_id
                AND r.expert_id = m.expert_id AND r.account_id = $1
           WHERE (pr.client_account_id = $1 OR e.account_id = $1)
             AND m.author_account_id <> $1 AND m.hidden_at IS NULL
             AND m.id > coalesce(r.last_read_id, 0)"#,
        account as AccountId,
    )
    .fetch_one(pool)
    .await?)
}
