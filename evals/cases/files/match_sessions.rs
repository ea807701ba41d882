pub struct Session {
    pub user_id: u64,
    pub seconds: u32,
}

/// Keeps the sessions of active users; both lists hold ~100,000 entries.
pub fn active_sessions(sessions: &[Session], active_users: &Vec<u64>) -> Vec<u32> {
    let mut out = Vec::with_capacity(sessions.len());
    for session in sessions {
        if active_users.contains(&session.user_id) {
            out.push(session.seconds);
        }
    }
    out
}
