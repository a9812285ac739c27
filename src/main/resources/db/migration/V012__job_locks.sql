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
