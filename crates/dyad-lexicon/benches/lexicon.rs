//! Load + compile time of the embedded lexicon, and matching throughput on a text we wrote.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dyad_lexicon::Lexicon;

const TEXT: &str = "Tokyo: Japanese Foreign Minister Yoshimasa Hayashi met Chinese Foreign Minister Wang Yi \
in Beijing on Friday. Moscow denies that its troops near the border with Ukraine threaten Kyiv, while NATO \
Secretary General Jens Stoltenberg said the alliance would defend every member. Ukrainian army spokesman \
Oleksandr Shtupun said rebels shelled Donetsk. The White House said President Joe Biden would speak with \
German Chancellor Olaf Scholz and French President Emmanuel Macron about the Minsk agreements.\n";

fn bench(c: &mut Criterion) {
    c.bench_function("lexicon/load+compile", |b| b.iter(|| Lexicon::embedded().expect("embedded lexicon loads")));
    let lex = Lexicon::embedded().expect("embedded lexicon loads");
    let text = TEXT.repeat(50);
    let mut g = c.benchmark_group("lexicon/find");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("find", |b| {
        b.iter(|| {
            let hits = lex.find(&text);
            assert!(hits.len() >= 50 * 20, "{}", hits.len());
            hits
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
