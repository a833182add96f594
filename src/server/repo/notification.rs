use sqlx::{PgConnection, PgPool};

use crate::domain::id::{AccountId, NotificationId};
use crate::domain::notification::{Notice, NoticeKind, Notification};
use crate::error::AppError;

/// Records an in-app notification, in the caller's transaction. What it says is written
/// when it is read, in the reader's language.
pub async fn notify(
    conn: &mut PgConnection,
    account: AccountId,
    notice: &Notice,
    link: Option<&str>,
) -> Result<(), sqlx::Error> {
    let params = serde_json::to_value(notice)
        .map_err(|e| sqlx::Error::Encode(e.into()))?
        .get("params")
        .cloned()
        .unwrap_or_else(|| serde_json::json!({}));
    sqlx::query!(
        "INSERT INTO notifications (account_id, kind, params, link) VALUES ($1, $2, $3, $4)",
        account as AccountId,
        notice.kind() as NoticeKind,
        sqlx::types::Json(params) as _,
        link,
    )
    .execute(&mut *conn)
    .await?;
    crate::server::live::publish_notice(conn, account).await
}

/// The notice of a stored row: `params` is `{}` for a kind without parameters.
fn notice(kind: NoticeKind, params: serde_json::Value) -> Result<Notice, serde_json::Error> {
    let mut json = serde_json::json!({ "kind": kind.as_str() });
    if params.as_object().is_none_or(|map| !map.is_empty()) {
        json["params"] = params;
    }
    serde_json::from_value(json)
}

pub async fn list(pool: &PgPool, account: AccountId) -> Result<Vec<Notification>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT id AS "id: NotificationId", kind AS "kind: NoticeKind", params, link,
                  created_at AS "created_at: chrono::DateTime<chrono::Utc>",
                  read_at IS NOT NULL AS "read!"
           FROM notifications WHERE account_id = $1 ORDER BY id DESC LIMIT 100"#,
        account as AccountId
    )
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|row| {
            let notice = notice(row.kind, row.params).map_err(|e| sqlx::Error::Decode(e.into()))?;
            Ok(Notification {
                id: row.id,
                notice,
                link: row.link,
                created_at: row.created_at.to_rfc3339(),
                read: row.read,
            })
        })
        .collect()
}

pub async fn unread_count(pool: &PgPool, account: AccountId) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT count(*) AS "count!" FROM notifications WHERE account_id = $1 AND read_at IS NULL"#,
        account as AccountId,
    )
    .fetch_one(pool)
    .await?)
}

pub async fn mark_all_read(pool: &PgPool, account: AccountId) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let read = sqlx::query!(
        "UPDATE notifications SET read_at = now() WHERE account_id = $1 AND read_at IS NULL",
        account as AccountId,
    )
    .execute(&mut *tx)
    .await?
    .rows_affected();
    // The account's other tabs clear their badge too.
    if read > 0 {
        crate::server::live::publish_notice(&mut tx, account).await?;
    }
    tx.commit().await?;
    Ok(())
}
