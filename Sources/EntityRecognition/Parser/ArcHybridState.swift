/// A move of the arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez & Satta 2011).
public enum ParserMove: Int, Sendable, CaseIterable {
    /// Move the first buffer word onto the stack.
    case shift
    /// The first buffer word becomes the head of the stack's top, which is popped.
    case left
    /// The word below the stack's top becomes its head, and the top is popped.
    case right
}

/// A configuration of the arc-hybrid system over one sentence: a stack that starts with the
/// root (index 0), a buffer that is always a suffix of the sentence (words `front...count`,
/// 1-based), and the arcs made so far, with what the features read about each word's
/// dependents.
///
/// The root may take a dependent only when the buffer is empty and it is the last word on
/// the stack, so every parse has exactly one root word.
package struct ArcHybridState {
    /// Words in the sentence.
    package let count: Int
    /// The stack, bottom first; 0 is the root.
    package private(set) var stack: [Int32]
    /// The first buffer word (1-based); `count + 1` when the buffer is empty.
    package private(set) var front: Int
    /// Each word's head (1-based index, 0 for the root), −1 while it has none; index 0 unused.
    package private(set) var heads: [Int32]
    /// Each word's relation (an index into the model's labels), −1 while it has none.
    package private(set) var labels: [Int16]
    /// The leftmost and second-leftmost dependents of each word, 0 for none.
    package private(set) var leftmost: [Int32]
    package private(set) var leftmost2: [Int32]
    /// The rightmost and second-rightmost dependents of each word, 0 for none.
    package private(set) var rightmost: [Int32]
    package private(set) var rightmost2: [Int32]
    /// How many dependents each word has on its left and on its right.
    package private(set) var leftCount: [UInt8]
    package private(set) var rightCount: [UInt8]

    /// The start configuration for a sentence of `count` words.
    package init(count: Int) {
        self.count = count
        stack = [0]
        stack.reserveCapacity(count + 1)
        front = 1
        heads = [Int32](repeating: -1, count: count + 1)
        labels = [Int16](repeating: -1, count: count + 1)
        leftmost = [Int32](repeating: 0, count: count + 1)
        leftmost2 = leftmost
        rightmost = leftmost
        rightmost2 = leftmost
        leftCount = [UInt8](repeating: 0, count: count + 1)
        rightCount = leftCount
    }

    /// Whether the parse is complete: the buffer is empty and only the root is left.
    package var isTerminal: Bool { front > count && stack.count == 1 }

    /// The stack word `depth` from the top (0 is the top), or −1 when there is none.
    @inline(__always)
    package func stackWord(_ depth: Int) -> Int {
        depth < stack.count ? Int(stack[stack.count - 1 - depth]) : -1
    }

    /// The buffer word `offset` from its front, or −1 when there is none.
    @inline(__always)
    package func bufferWord(_ offset: Int) -> Int {
        front + offset <= count ? front + offset : -1
    }

    /// Whether a move is allowed here.
    @inline(__always)
    package func allows(_ move: ParserMove) -> Bool {
        switch move {
        case .shift: return front <= count
        case .left: return front <= count && stack.count >= 2
        case .right:
            guard stack.count >= 2 else { return false }
            // Only the last word may hang from the root.
            return stack[stack.count - 2] != 0 || (front > count && stack.count == 2)
        }
    }

    /// Applies an allowed move; arcs get `label`.
    package mutating func apply(_ move: ParserMove, label: Int) {
        switch move {
        case .shift:
            stack.append(Int32(front))
            front += 1
        case .left:
            let dependent = Int(stack.removeLast())
            attach(dependent, to: front, label: label)
        case .right:
            let dependent = Int(stack.removeLast())
            attach(dependent, to: Int(stack[stack.count - 1]), label: label)
        }
    }

    private mutating func attach(_ dependent: Int, to head: Int, label: Int) {
        heads[dependent] = Int32(head)
        labels[dependent] = Int16(label)
        if dependent < head {
            leftCount[head] &+= 1
            if leftmost[head] == 0 || dependent < leftmost[head] {
                leftmost2[head] = leftmost[head]
                leftmost[head] = Int32(dependent)
            } else if leftmost2[head] == 0 || dependent < leftmost2[head] {
                leftmost2[head] = Int32(dependent)
            }
        } else {
            rightCount[head] &+= 1
            if dependent > rightmost[head] {
                rightmost2[head] = rightmost[head]
                rightmost[head] = Int32(dependent)
            } else if dependent > rightmost2[head] {
                rightmost2[head] = Int32(dependent)
            }
        }
    }

    /// The move's cost under the dynamic oracle: how many arcs of the gold tree it makes
    /// unreachable (Goldberg & Nivre 2013).
    ///
    /// `goldHeads` is 1-based with index 0 unused;
    /// `goldDependents[h]` lists the words whose gold head is `h`.
    ///
    /// - Complexity: O(dependents of the words involved).
    package func cost(of move: ParserMove, goldHeads: [Int32], goldDependents: [[Int32]]) -> Int {
        let s0 = stackWord(0)
        switch move {
        case .shift:
            let b0 = front
            var cost = 0
            let head = Int(goldHeads[b0])
            if head < b0, head != s0, isOnStack(head) { cost += 1 }
            for dependent in goldDependents[b0] where Int(dependent) < b0 && isOnStack(Int(dependent)) { cost += 1 }
            return cost
        case .left:
            let b0 = front
            let s1 = stackWord(1)
            var cost = 0
            let head = Int(goldHeads[s0])
            if head != b0, head == s1 || head > b0 { cost += 1 }
            for dependent in goldDependents[s0] where Int(dependent) >= front { cost += 1 }
            return cost
        case .right:
            var cost = 0
            if Int(goldHeads[s0]) >= front { cost += 1 }
            for dependent in goldDependents[s0] where Int(dependent) >= front { cost += 1 }
            return cost
        }
    }

    /// Whether a word is on the stack.
    ///
    /// Words on the stack have no head yet and come before
    /// the buffer; a word before the buffer without a head is on the stack.
    @inline(__always)
    private func isOnStack(_ word: Int) -> Bool {
        word == 0 || (word > 0 && word < front && heads[word] < 0)
    }
}
