-- ShedLock's table (net.javacrumbs.shedlock, JdbcTemplateLockProvider with usingDbTime): one
-- row per cluster-wide scheduled job. A server runs a job's tick only after it moved the row's
-- lock_until into the future; the others see it held and skip that tick. Times are UTC as the
-- provider writes them (timezone('utc', current_timestamp)).
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);

-- A running import's server writes heartbeat_at every 15 s; an import whose heartbeat (or,
-- before the first one, whose start) is older than 2 minutes lost its server and is marked
-- failed by whichever server checks next. (Before this, a starting server marked every running
-- import failed, those of the other servers too.)
alter table listen_imports add column heartbeat_at timestamptz;
create index listen_imports_running on listen_imports (id) where status = 'running';
