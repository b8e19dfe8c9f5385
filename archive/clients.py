"""Who the client is, behind proxies. Login lockouts (django-axes) and the
reader-report limit (django-ratelimit) count per address; behind a load
balancer every request comes from the balancer's address."""

import ipaddress

from django.conf import settings


def client_ip(request):
    """REMOTE_ADDR; behind PROXY_COUNT proxies, each of which appends the
    address it was reached from to X-Forwarded-For, the PROXY_COUNT-th address
    from the header's right end (the rule of the API's NUM_PROXIES). A client
    can write the left of the header, never the part the proxies added."""
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if not count or not forwarded:
        return remote
    candidate = forwarded[-min(count, len(forwarded))]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:  # a header the proxies did not write
        return remote
