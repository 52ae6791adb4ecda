-- Small facts about this installation, such as whether demo content was ever loaded.
create table app_state (
    key   text primary key,
    value text not null
);
