-- Only a SHA-256 of each secret is kept; the secret itself is shown once, on creation.
create table api_token (
    id          uuid primary key,
    name        text not null,
    role        text not null check (role in ('admin', 'editor', 'writer', 'partner')),
    secret_hash text not null unique,
    section_ids uuid[] not null default '{}',
    partner_id  uuid,
    expires_at  timestamptz,
    revoked_at  timestamptz,
    created_at  timestamptz not null,
    created_by  text not null,
    modified_at timestamptz not null
);
