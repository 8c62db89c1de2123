// A second process that keeps writing to a database file, one committed transaction per row,
// for the given milliseconds; prints how many rows it committed. Used to test online backups.
import Database from 'better-sqlite3';

const [file, ms = '1500'] = process.argv.slice(2);
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('busy_timeout = 5000');
const insert = db.prepare(`insert into organisations (legal_name, short_name, name_en, type) values (?, ?, ?, 'other')`);
const end = Date.now() + Number(ms);
let n = 0;
while (Date.now() < end) {
  insert.run(`Load ${n}`, `L${n}`, `Load org ${n}`);
  n++;
}
db.close();
console.log(n);
