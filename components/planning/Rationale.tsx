import { splitRationale } from './format';
import './rationale.css';

/** A plan line's rationale: the reasons as sentences, the working folded behind "How it's worked out". */
export function Rationale({ text, className }: { text: string; className?: string }) {
  const { reasons, working } = splitRationale(text);
  return (
    <div className={className}>
      <span>{reasons.join(' ')}</span>
      {working.length ? (
        <details className="pl-working" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
          <summary>How it’s worked out</summary>
          <ul>
            {working.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
