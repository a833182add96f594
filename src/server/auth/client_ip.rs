//! The client's address: the TCP peer, unless that peer is a trusted reverse proxy.

use axum::http::HeaderMap;
use std::net::IpAddr;
use std::sync::atomic::{AtomicBool, Ordering};

/// Headers a reverse proxy adds to say who its client is.
const FORWARDING_HEADERS: [&str; 3] = ["x-forwarded-for", "forwarded", "x-real-ip"];

/// `X-Forwarded-For` is believed only when the peer is a configured proxy; then the
/// right-most address that is not itself a trusted proxy is the client.
pub fn client_ip(peer: IpAddr, headers: &HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    if !trusted.contains(&peer) {
        if forwarded_by_untrusted_peer(peer, headers, trusted) {
            warn_once_about_untrusted_proxy(peer);
        }
        return peer;
    }
    let chain: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|part| part.trim().parse().ok())
        .collect();
    chain
        .iter()
        .rev()
        .find(|ip| !trusted.contains(ip))
        .or(chain.first())
        .copied()
        .unwrap_or(peer)
}

/// Whether `peer`, not a trusted proxy, sent forwarding headers: most likely a reverse
/// proxy missing from `TRUSTED_PROXIES`, behind which every client has the proxy's
/// address and all share one rate-limit bucket (a few users lock everyone out).
pub fn forwarded_by_untrusted_peer(peer: IpAddr, headers: &HeaderMap, trusted: &[IpAddr]) -> bool {
    !trusted.contains(&peer) && FORWARDING_HEADERS.iter().any(|h| headers.contains_key(*h))
}

/// Once per process: the headers may also come from a client trying its luck, and a
/// log line per request would drown the logs either way.
fn warn_once_about_untrusted_proxy(peer: IpAddr) {
    static WARNED: AtomicBool = AtomicBool::new(false);
    if !WARNED.swap(true, Ordering::Relaxed) {
        tracing::warn!(
            %peer,
            "a request carries X-Forwarded-For or Forwarded from a peer missing from \
             TRUSTED_PROXIES: behind a reverse proxy, set TRUSTED_PROXIES to its address, \
             otherwise every client shares the proxy's rate limits"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(xff: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", xff.parse().unwrap());
        h
    }

    #[test]
    fn forwarded_for_is_ignored_from_untrusted_peers() {
        let peer: IpAddr = "203.0.113.9".parse().unwrap();
        assert_eq!(client_ip(peer, &headers("1.2.3.4"), &[]), peer);
    }

    #[test]
    fn trusted_proxy_chain_is_walked_from_the_right() {
        let proxy: IpAddr = "10.0.0.1".parse().unwrap();
        let h = headers("6.6.6.6, 198.51.100.7, 10.0.0.1");
        assert_eq!(
            client_ip(proxy, &h, &[proxy]),
            "198.51.100.7".parse::<IpAddr>().unwrap()
        );
        assert_eq!(client_ip(proxy, &HeaderMap::new(), &[proxy]), proxy);
    }

    #[test]
    fn forwarding_headers_from_an_untrusted_peer_are_noticed() {
        let proxy: IpAddr = "10.0.0.1".parse().unwrap();
        assert!(forwarded_by_untrusted_peer(proxy, &headers("1.2.3.4"), &[]));
        let mut h = HeaderMap::new();
        h.insert("forwarded", "for=198.51.100.7".parse().unwrap());
        assert!(forwarded_by_untrusted_peer(proxy, &h, &[]));
        assert!(!forwarded_by_untrusted_peer(proxy, &HeaderMap::new(), &[]));
        assert!(!forwarded_by_untrusted_peer(
            proxy,
            &headers("1.2.3.4"),
            &[proxy]
        ));
    }
}
