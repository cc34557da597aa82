create table if not exists reports (id int primary key);
create table if not exists audit (id bigint auto_increment primary key, event varchar(64));
